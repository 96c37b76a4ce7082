import type { Kysely } from 'kysely';

/**
 * A customer's session can now be edited from two places at once (their browser and the store's console): each
 * save names the revision it started from and bumps it, so a save from an outdated base is refused instead of
 * silently overwriting the other side. `updated_by_user_id` says which staff member saved last (null: the owner).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('config_sessions')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('config_sessions')
    .addColumn('updated_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('config_sessions').dropColumn('updated_by_user_id').execute();
  await db.schema.alterTable('config_sessions').dropColumn('revision').execute();
}

import type { Kysely } from 'kysely';

/**
 * A version check on the live session: the customer online and staff in the store may edit the same one. Every
 * save names the revision it started from and writes only if it is still the stored one (a conditional UPDATE), so
 * of two saves from the same base one wins and the other is told. `updated_by_user_id`: the staff member who last
 * saved it from the sales console; null when the owner saved it themselves.
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

import type { Kysely } from 'kysely';

/**
 * Where a recommendation was shown or taken, and by whom: the customer online, or a staff member showing the
 * customer's marks in the store. Acceptance can then be read per channel, and a mark taken in the store is not
 * mistaken for the customer's own click.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('recommendation_events')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
    .execute();
  await db.schema
    .alterTable('recommendation_events')
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recommendation_events').dropColumn('actor_user_id').execute();
  await db.schema.alterTable('recommendation_events').dropColumn('channel').execute();
}

import type { Kysely } from 'kysely';

/**
 * The console filters a customer's timeline by channel (web, store, phone) and pages it newest first: this index
 * serves that filter and its order, so a page of store visits does not read past years of web clicks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('interactions_customer_channel_time_idx')
    .on('interactions')
    .columns(['customer_id', 'channel', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('interactions_customer_channel_time_idx').execute();
}

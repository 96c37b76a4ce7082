import type { Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/** Each recommendation shown, and each one taken, so the acceptance rate can be measured per source. */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('recommendation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('guest_id', 'text')
    .addColumn('event', 'text', (c) => c.notNull().check(oneOf('event', ['shown', 'taken'])))
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    .addColumn('slot_id', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recommendation_events_source_idx')
    .on('recommendation_events')
    .columns(['source', 'event'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recommendation_events').execute();
}

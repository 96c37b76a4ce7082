import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/** A priced offer for one build, pinned to the exact catalog version and price lines the server computed. */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    // No foreign key: the quote keeps its own copy of the selections, so deleting the saved build loses nothing.
    .addColumn('build_id', 'text')
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    .addColumn('selections', 'text', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('valid_until', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quotes_customer_idx')
    .on('quotes')
    .columns(['customer_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quotes').execute();
}

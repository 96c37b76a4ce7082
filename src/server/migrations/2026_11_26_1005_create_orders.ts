import type { Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/** A placed order: the exact catalog version, selections, price lines, and the cost behind them (for margins). */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('build_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull().check(oneOf('channel', ['web', 'store', 'phone'])))
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    .addColumn('selections', 'text', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('cost_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('orders_customer_idx')
    .on('orders')
    .columns(['customer_id', 'created_at'])
    .execute();
  await db.schema.createIndex('orders_catalog_idx').on('orders').column('catalog_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('orders').execute();
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/** Orders that predate the lifecycle older than this were surely delivered; the rest are paid. */
const DELIVERED_AFTER_DAYS = 14;

/**
 * The order lifecycle (issue 19 §4): `orders.status` and every change of it in `order_status_changes` (who, when,
 * through which channel). Orders placed before this existed were counted as sales; they become paid (recent) or
 * delivered, so no customer's value or tier changes under them. New orders start placed.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema
    .alterTable('orders')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('placed')
        .check(oneOf('status', ['placed', 'paid', 'delivered', 'cancelled'])),
    )
    .execute();
  await db.schema.alterTable('orders').addColumn('status_at', timestamp).execute();
  const cutoff = new Date(Date.now() - DELIVERED_AFTER_DAYS * 86_400_000).toISOString();
  await sql`update orders set status = case when created_at < ${cutoff} then 'delivered' else 'paid' end,
    status_at = created_at`.execute(db);
  await db.schema
    .createTable('order_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    // 1, 2, … per order: the history's order even when two changes share a millisecond.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(oneOf('channel', ['web', 'store', 'phone', 'api'])),
    )
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** The integration's name from its token (INTEGRATION_TOKENS), for changes made through the API. */
    .addColumn('actor_integration', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_status_changes_order_idx')
    .on('order_status_changes')
    .columns(['order_id', 'seq'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_status_changes').execute();
  await db.schema.alterTable('orders').dropColumn('status_at').execute();
  await db.schema.alterTable('orders').dropColumn('status').execute();
}

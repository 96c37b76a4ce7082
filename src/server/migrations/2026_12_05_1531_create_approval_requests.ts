import { sql, type Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * A salesperson's request for a discount above their own authority, decided once by a store manager. It carries
 * the exact terms asked for (build, catalog version, discount, prices) so an approval covers those terms and no
 * others. Deciding is a conditional update on `status = 'pending'`: of two managers deciding at once, one stands.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    // The quote group this request revises, when it revises one (null: the group's first revision).
    .addColumn('group_id', 'text')
    .addColumn('build_id', 'text', (c) => c.notNull())
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    .addColumn('selections', 'text', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addColumn('list_total_cents', 'bigint', (c) => c.notNull())
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', timestamp)
    .addColumn('reason', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('approval_requests_status', oneOf('status', ['pending', 'approved', 'refused']))
    .addCheckConstraint('approval_requests_decided', sql`(status = 'pending') = (decided_at is null)`)
    .execute();
  await db.schema
    .createIndex('approval_requests_status_idx')
    .on('approval_requests')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('approval_requests_customer_idx')
    .on('approval_requests')
    .columns(['customer_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('approval_requests').execute();
}

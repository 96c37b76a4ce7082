import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Quotes become revisions of a quote group: revising adds a row to the group and cancels none, so the customer may
 * accept any revision still valid. A revision keeps the staff discount it was given (in hundredths of a percent, so
 * 12.5 % is exact), its price before that discount, who made it and through which channel, and who approved the
 * discount when it was above the maker's own authority. Existing quotes become groups of one revision.
 * `orders.quote_id`: the quote an order was placed from, so its price can be traced to the quoted terms.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  const quotes = () => db.schema.alterTable('quotes');
  await quotes().addColumn('group_id', 'text').execute();
  await quotes()
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await quotes().addColumn('list_total_cents', 'bigint').execute();
  await quotes()
    .addColumn('discount_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await quotes().addColumn('created_by_user_id', 'text').execute();
  await quotes()
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
    .execute();
  await quotes().addColumn('approval_request_id', 'text').execute();
  await quotes().addColumn('approved_by_user_id', 'text').execute();
  await quotes().addColumn('approved_at', timestamp).execute();
  await sql`update quotes set group_id = id, list_total_cents = total_cents`.execute(db);
  await db.schema
    .createIndex('quotes_group_idx')
    .on('quotes')
    .columns(['group_id', 'revision'])
    .unique()
    .execute();
  await db.schema.alterTable('orders').addColumn('quote_id', 'text').execute();
  await db.schema.createIndex('orders_quote_idx').on('orders').column('quote_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_quote_idx').execute();
  await db.schema.alterTable('orders').dropColumn('quote_id').execute();
  await db.schema.dropIndex('quotes_group_idx').execute();
  for (const name of [
    'approved_at',
    'approved_by_user_id',
    'approval_request_id',
    'channel',
    'created_by_user_id',
    'discount_bp',
    'list_total_cents',
    'revision',
    'group_id',
  ])
    await db.schema.alterTable('quotes').dropColumn(name).execute();
}

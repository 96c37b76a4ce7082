import type { Kysely } from 'kysely';
import { HttpError } from '../errors.ts';
import type { Database, SqlDialectName } from '../store/database.ts';

/** @throws 409 quote_already_ordered when an order was placed from this quote revision. */
export async function assertQuoteNotOrdered(db: Kysely<Database>, quoteId: string): Promise<void> {
  const order = await db.selectFrom('orders').select('id').where('quote_id', '=', quoteId).executeTakeFirst();
  if (order)
    throw new HttpError(
      409,
      'quote_already_ordered',
      'An order was already placed from this quote revision.',
      undefined,
      { orderId: order.id },
    );
}

/**
 * Inside the order's transaction: one order per quote revision, also when two are placed at once. On PostgreSQL
 * the revision's row is locked first, so a second transaction waits for the first and then sees its order (each
 * statement of READ COMMITTED reads what was committed before it); SQLite runs one write transaction at a time.
 * @throws 409 quote_already_ordered.
 */
export async function claimQuoteForOrder(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  quoteId: string,
): Promise<void> {
  const revision = trx.selectFrom('quotes').select('id').where('id', '=', quoteId);
  await (dialect === 'postgres' ? revision.forUpdate() : revision).executeTakeFirst();
  await assertQuoteNotOrdered(trx, quoteId);
}

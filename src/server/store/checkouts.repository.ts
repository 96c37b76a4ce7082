import type { Kysely } from 'kysely';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import { ORDER_STATUSES, isSale, type OrderStatus } from '../../core/orders/status.ts';
import type { QuotedLine } from '../../core/profile/discounts.ts';
import type { Database } from './database.ts';
import type { InteractionChannel } from './interactions.table.ts';
import type { OrderRow } from './orders.table.ts';
import type { QuoteRow } from './quotes.table.ts';

/** A quote or an order as the server uses it: selections and lines parsed. */
export interface Checkout {
  id: string;
  customerId: string;
  buildId: string | null;
  catalogId: string;
  catalogVersion: string;
  selections: BuildSelections;
  lines: QuotedLine[];
  currency: string;
  totalCents: number;
  createdAt: string;
}
export type Quote = Checkout & { validUntil: string };
export type Order = Checkout & {
  channel: InteractionChannel;
  costCents: number;
  /** The quote revision it was placed from, if any. */
  quoteId?: string | null;
  /** Placed when stored; staff and integrations move it on (order-status.repository.ts). */
  status: OrderStatus;
};

const SALE_STATUSES = ORDER_STATUSES.filter(isSale);

function common(row: QuoteRow | OrderRow): Checkout {
  return {
    id: row.id,
    customerId: row.customer_id,
    buildId: row.build_id,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    selections: JSON.parse(row.selections) as BuildSelections,
    lines: JSON.parse(row.lines) as QuotedLine[],
    currency: row.currency,
    totalCents: row.total_cents,
    createdAt: row.created_at,
  };
}
const quoteFromRow = (row: QuoteRow): Quote => ({ ...common(row), validUntil: row.valid_until });
const orderFromRow = (row: OrderRow): Order => ({
  ...common(row),
  channel: row.channel,
  costCents: row.cost_cents,
  quoteId: row.quote_id,
  status: row.status,
});

function toRow(c: Checkout) {
  return {
    id: c.id,
    customer_id: c.customerId,
    build_id: c.buildId,
    catalog_id: c.catalogId,
    catalog_version: c.catalogVersion,
    selections: JSON.stringify(c.selections),
    lines: JSON.stringify(c.lines),
    currency: c.currency,
    total_cents: c.totalCents,
    created_at: c.createdAt,
  };
}

export async function insertQuote(db: Kysely<Database>, quote: Quote): Promise<void> {
  await db
    .insertInto('quotes')
    .values({
      ...toRow(quote),
      valid_until: quote.validUntil,
      // A quote the customer asks for online is a group of one revision, with no staff discount.
      group_id: quote.id,
      list_total_cents: quote.totalCents,
    })
    .execute();
}

export async function insertOrders(db: Kysely<Database>, orders: readonly Order[]): Promise<void> {
  if (orders.length === 0) return;
  await db
    .insertInto('orders')
    .values(
      orders.map((o) => ({
        ...toRow(o),
        channel: o.channel,
        cost_cents: o.costCents,
        quote_id: o.quoteId ?? null,
        status: o.status,
        status_at: o.createdAt,
      })),
    )
    .execute();
}

export async function listQuotesOfCustomer(db: Kysely<Database>, customerId: string): Promise<Quote[]> {
  const rows = await db
    .selectFrom('quotes')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(quoteFromRow);
}

export async function listOrdersOfCustomer(db: Kysely<Database>, customerId: string): Promise<Order[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(orderFromRow);
}

/** What a customer's value counts of a sale (core/profile/value.ts). */
export interface Sale {
  at: string;
  revenueCents: number;
  costCents: number;
}

/** The sales (paid or delivered orders) of each customer (none: an empty list), in one query however many customers. */
export async function listSalesOfCustomers(
  db: Kysely<Database>,
  customerIds: readonly string[],
): Promise<Map<string, Sale[]>> {
  const sales = new Map(customerIds.map((id): [string, Sale[]] => [id, []]));
  if (customerIds.length === 0) return sales;
  const rows = await db
    .selectFrom('orders')
    .select(['customer_id', 'created_at', 'total_cents', 'cost_cents'])
    .where('customer_id', 'in', customerIds)
    .where('status', 'in', SALE_STATUSES)
    .execute();
  for (const row of rows)
    sales
      .get(row.customer_id)
      ?.push({ at: row.created_at, revenueCents: row.total_cents, costCents: row.cost_cents });
  return sales;
}

/**
 * The sales of one catalog (paid or delivered orders: a placed order may never be paid, a cancelled one was not a
 * sale), newest first, at most `limit` (for "builds like yours" and the recommender).
 */
export async function listSalesOfCatalog(
  db: Kysely<Database>,
  catalogId: string,
  limit?: number,
): Promise<Order[]> {
  let query = db
    .selectFrom('orders')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('status', 'in', SALE_STATUSES)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map(orderFromRow);
}

import { sql, type Kysely } from 'kysely';
import { searchQuery, TERM_END, weightedTerms } from '../../core/profile/search-terms.ts';
import type { CustomerRow } from './customers.table.ts';
import type { Database } from './database.ts';

export const SEARCH_LIMIT = 20;

type Named = Pick<CustomerRow, 'id' | 'name' | 'email' | 'phone' | 'customer_number'>;

/** The rows of `customer_search_terms` for customers, as core/profile/search-terms.ts makes them. */
export function searchTermRows(customers: readonly Named[]) {
  return customers.flatMap((c) =>
    weightedTerms({ name: c.name, email: c.email, phone: c.phone, customerNumber: c.customer_number }).map(
      (t) => ({ customer_id: c.id, term: t.term, weight: t.weight }),
    ),
  );
}

/** Rewrites a customer's search terms: call whenever their name, e-mail, phone or number is written. */
export async function writeSearchTerms(db: Kysely<Database>, customer: Named): Promise<void> {
  await db.deleteFrom('customer_search_terms').where('customer_id', '=', customer.id).execute();
  const rows = searchTermRows([customer]);
  if (rows.length) await db.insertInto('customer_search_terms').values(rows).execute();
}

/** The range of terms starting with `prefix`, which the indexes answer (on PostgreSQL thanks to collate "C"). */
const rangeOf = (prefix: string) => [prefix, `${prefix}${TERM_END}`] as const;

export interface CustomerMatch {
  customer: CustomerRow;
  /** 0 best; see `TermWeight`. */
  rank: number;
}

/** Rows read per weight and branch: a customer may match through several terms of one weight (a name and its part). */
const PER_LEVEL = SEARCH_LIMIT * 5;

/**
 * Customers whose terms the query's whole, or every one of its parts, prefixes (the rule of `searchRank`), best
 * rank first, then by the term that matched, then by name; at most SEARCH_LIMIT.
 * A two-letter prefix matches thousands of customers among 100,000, so nothing here reads them all: each weight is
 * read separately along the (weight, term) index in term order and stops after PER_LEVEL rows; other parts of the
 * query are checked per candidate through the primary key (customer_id, term).
 */
export async function searchCustomers(db: Kysely<Database>, q: string): Promise<CustomerMatch[]> {
  const { whole, parts } = searchQuery(q);
  const [first, ...rest] = parts;
  const drivers: { prefix: string; others: string[] }[] = [];
  if (whole) drivers.push({ prefix: whole, others: [] });
  if (first !== undefined && !(rest.length === 0 && first === whole))
    drivers.push({ prefix: first, others: rest });

  const level = (prefix: string, others: string[], weight: number, exact: boolean, rank: number) =>
    db
      .selectFrom('customer_search_terms as t')
      .select(['t.customer_id', 't.term', sql.lit(rank).as('rank')])
      .where('t.weight', '=', weight as 0)
      .where((eb) =>
        eb.and([
          exact
            ? eb('t.term', '=', prefix)
            : eb.and([eb('t.term', '>=', rangeOf(prefix)[0]), eb('t.term', '<', rangeOf(prefix)[1])]),
          ...others.map((part) =>
            eb.exists(
              eb
                .selectFrom('customer_search_terms as o')
                .select('o.customer_id')
                .whereRef('o.customer_id', '=', 't.customer_id')
                .where('o.term', '>=', rangeOf(part)[0])
                .where('o.term', '<', rangeOf(part)[1]),
            ),
          ),
        ]),
      )
      .orderBy('t.term')
      .orderBy('t.customer_id')
      .limit(PER_LEVEL);

  // (rank, weight, exact?) per read: an exact e-mail/phone/number ranks 0; a prefix of one ranks with the rest (3).
  const reads: { rank: number; weight: number; exact: boolean }[] = [
    { rank: 0, weight: 0, exact: true },
    { rank: 1, weight: 1, exact: false },
    { rank: 2, weight: 2, exact: false },
    { rank: 3, weight: 3, exact: false },
    { rank: 3, weight: 0, exact: false },
  ];
  // One round trip: each read is wrapped as a subquery, as SQLite allows no ORDER BY/LIMIT in a bare UNION member.
  const levels = drivers.flatMap(({ prefix, others }) =>
    reads
      .filter((r) => !r.exact || prefix === whole)
      .map((r, i) => db.selectFrom(level(prefix, others, r.weight, r.exact, r.rank).as(`l${i}`)).selectAll()),
  );
  const [head, ...tail] = levels;
  if (!head) return [];
  const found = await tail.reduce((union, next) => union.unionAll(next), head).execute();
  const best = new Map<string, { rank: number; term: string }>();
  for (const hit of found) {
    const rank = Number(hit.rank);
    const known = best.get(hit.customer_id);
    if (!known || rank < known.rank || (rank === known.rank && hit.term < known.term))
      best.set(hit.customer_id, { rank, term: hit.term });
  }
  const byMatch = (
    a: [string, { rank: number; term: string }],
    b: [string, { rank: number; term: string }],
  ) =>
    a[1].rank - b[1].rank || (a[1].term < b[1].term ? -1 : a[1].term > b[1].term ? 1 : a[0] < b[0] ? -1 : 1);
  // The page is chosen by rank and matched term alone, so only its customers are read.
  const page = new Map([...best].sort(byMatch).slice(0, SEARCH_LIMIT));
  if (page.size === 0) return [];
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', [...page.keys()])
    .execute();
  const order = (c: CustomerRow) => page.get(c.id) ?? { rank: 9, term: '' };
  return rows
    .sort(
      (a, b) =>
        order(a).rank - order(b).rank ||
        (order(a).term < order(b).term ? -1 : order(a).term > order(b).term ? 1 : 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    )
    .map((customer) => ({ customer, rank: order(customer).rank }));
}

/** The newest interaction of each customer, on any channel. */
export async function lastContacts(
  db: Kysely<Database>,
  customerIds: readonly string[],
): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('interactions')
    .select(['customer_id', (eb) => eb.fn.max('created_at').as('at')])
    .where('customer_id', 'in', customerIds)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, String(r.at)]));
}

/** Customers a staff member served in the store (their store interactions), most recent first. */
export async function recentlyServed(
  db: Kysely<Database>,
  userId: string,
  limit = SEARCH_LIMIT,
): Promise<{ customer: CustomerRow; servedAt: string }[]> {
  const rows = await db
    .with('served', (d) =>
      d
        .selectFrom('interactions')
        .select(['customer_id', (eb) => eb.fn.max('created_at').as('served_at')])
        .where('actor_user_id', '=', userId)
        .where('channel', '=', 'store')
        .groupBy('customer_id'),
    )
    .selectFrom('served')
    .innerJoin('customers', 'customers.id', 'served.customer_id')
    .selectAll('customers')
    .select('served.served_at')
    .orderBy('served.served_at', 'desc')
    .orderBy('customers.id')
    .limit(limit)
    .execute();
  return rows.map(({ served_at, ...customer }) => ({ customer, servedAt: String(served_at) }));
}

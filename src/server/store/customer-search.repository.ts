import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
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

type Terms = ExpressionBuilder<Database, 'customer_search_terms'>;
/** Terms starting with `prefix`: a range the (term, …) index answers, on PostgreSQL thanks to collate "C". */
const startsWith = (eb: Terms, prefix: string) =>
  eb.and([eb('term', '>=', prefix), eb('term', '<', `${prefix}${TERM_END}`)]);

export interface CustomerMatch {
  customer: CustomerRow;
  /** 0 best; see `TermWeight`. */
  rank: number;
}

/**
 * Customers whose terms the query's whole, or every one of its parts, prefixes (the rule of `searchRank`), best
 * rank first, then by name; at most SEARCH_LIMIT. Each branch is an index range scan on the terms.
 */
export async function searchCustomers(db: Kysely<Database>, q: string): Promise<CustomerMatch[]> {
  const { whole, parts } = searchQuery(q);
  const [first, ...rest] = parts;
  const rankOf = sql<number>`min(case when term = ${whole} then weight when weight = 0 then 3 else weight end)`;
  const branches = [];
  if (whole)
    branches.push(
      db
        .selectFrom('customer_search_terms')
        .select(['customer_id', rankOf.as('rank')])
        .where((eb) => startsWith(eb, whole))
        .groupBy('customer_id'),
    );
  if (first !== undefined && !(rest.length === 0 && first === whole))
    branches.push(
      db
        .selectFrom('customer_search_terms')
        .select(['customer_id', rankOf.as('rank')])
        .where((eb) =>
          eb.and([
            startsWith(eb, first),
            ...rest.map((part) =>
              eb(
                'customer_id',
                'in',
                eb
                  .selectFrom('customer_search_terms')
                  .select('customer_id')
                  .where((t) => startsWith(t, part)),
              ),
            ),
          ]),
        )
        .groupBy('customer_id'),
    );
  const [head, ...tail] = branches;
  if (!head) return [];
  const hits = tail.reduce((union, branch) => union.unionAll(branch), head);
  const rows = await db
    .with('hits', () => hits)
    .with('best', (d) =>
      d
        .selectFrom('hits')
        .select(['customer_id', (eb) => eb.fn.min<number>('rank').as('rank')])
        .groupBy('customer_id'),
    )
    .selectFrom('best')
    .innerJoin('customers', 'customers.id', 'best.customer_id')
    .selectAll('customers')
    .select('best.rank')
    .orderBy('best.rank')
    .orderBy('customers.name')
    .orderBy('customers.id')
    .limit(SEARCH_LIMIT)
    .execute();
  return rows.map(({ rank, ...customer }) => ({ customer, rank: Number(rank) }));
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

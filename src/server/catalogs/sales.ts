import type { Kysely } from 'kysely';
import type { SalesResponse } from '../../contract/sales.schema.ts';
import { structuralProblems, violations, type Build, type CatalogIndex } from '../../core/catalog/index.ts';
import { canonicalBuild } from '../../core/catalog/canonical.ts';
import { listSalesOfCatalog } from '../store/checkouts.repository.ts';
import type { Database } from '../store/database.ts';

/**
 * Orders read per answer: the newest this many. It bounds the scan, the payload and the learning in the browser
 * (which scales with distinct builds); recent sales are also the ones that speak for today's buyers.
 */
export const MAX_ORDERS = 20_000;

/** Buyers a configuration needs before the public figures show it, unless SALES_MIN_BUYERS says otherwise. */
export const DEFAULT_MIN_BUYERS = 5;

/**
 * The catalog's sold configurations (paid or delivered orders) with their counts, as the recommender learns them:
 * only complete builds the current version still accepts (an order of an older version whose options were withdrawn
 * would teach it values nobody can pick), and only those bought by at least `minBuyers` distinct customers, so that
 * a configuration on the public figures cannot be one person's (issue 19 §5). Most sold first; ties in key order, so
 * the answer does not depend on storage order.
 * @post every build's count ≥ minBuyers; orders = outdated + withheld + Σ counts.
 */
export async function soldConfigurations(
  db: Kysely<Database>,
  index: CatalogIndex,
  { maxOrders = MAX_ORDERS, minBuyers = DEFAULT_MIN_BUYERS }: { maxOrders?: number; minBuyers?: number } = {},
): Promise<SalesResponse> {
  const orders = await listSalesOfCatalog(db, index.catalog.id, maxOrders);
  const counts = new Map<string, { selections: Build; count: number; buyers: Set<string> }>();
  let outdated = 0;
  for (const order of orders) {
    const build = canonicalBuild(order.selections);
    if (structuralProblems(index, build, true).length > 0 || violations(index, build).length > 0) {
      outdated++;
      continue;
    }
    const key = JSON.stringify(build);
    const seen = counts.get(key) ?? { selections: build, count: 0, buyers: new Set<string>() };
    seen.count++;
    seen.buyers.add(order.customerId);
    counts.set(key, seen);
  }
  let withheld = 0;
  const shown = [...counts.entries()].filter(([, entry]) => {
    if (entry.buyers.size >= minBuyers) return true;
    withheld += entry.count;
    return false;
  });
  const builds = shown
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { selections, count }]) => ({ selections, count }));
  return {
    catalogId: index.catalog.id,
    catalogVersion: index.catalog.version,
    orders: orders.length,
    outdated,
    withheld,
    minBuyers,
    builds,
  };
}

/** How long an answer is reused: as long as browsers may cache it (the route's max-age). */
export const SALES_TTL_MS = 300_000;

/**
 * {@link soldConfigurations} kept per catalog version for {@link SALES_TTL_MS}, so configure-page visits do not each
 * re-read and re-check every order; an order placed meanwhile shows up within that time.
 */
export function salesCache(db: Kysely<Database>, now: () => Date, minBuyers = DEFAULT_MIN_BUYERS) {
  const cache = new Map<string, { at: number; answer: Promise<SalesResponse> }>();
  return (index: CatalogIndex): Promise<SalesResponse> => {
    const key = `${index.catalog.id}@${index.catalog.version}`;
    const t = now().getTime();
    const hit = cache.get(key);
    if (hit && t - hit.at < SALES_TTL_MS) return hit.answer;
    const answer = soldConfigurations(db, index, { minBuyers });
    cache.set(key, { at: t, answer });
    // A failed read is not kept.
    answer.catch(() => cache.delete(key));
    return answer;
  };
}

import type { Kysely } from 'kysely';
import type { SalesResponse } from '../../contract/sales.schema.ts';
import { structuralProblems, violations, type Build, type CatalogIndex } from '../../core/catalog/index.ts';
import { listOrdersOfCatalog } from '../store/checkouts.repository.ts';
import type { Database } from '../store/database.ts';

/** The build with slots and options in sorted order, so equal configurations have one key. */
function canonical(build: Build): Build {
  const out: Build = {};
  for (const slot of Object.keys(build).sort()) {
    const options = build[slot] ?? {};
    out[slot] = Object.fromEntries(
      Object.keys(options)
        .sort()
        .map((o) => [o, options[o] ?? 1]),
    );
  }
  return out;
}

/**
 * Orders read per answer: the newest this many. It bounds the scan, the payload and the learning in the browser
 * (which scales with distinct builds); recent sales are also the ones that speak for today's buyers.
 */
export const MAX_ORDERS = 20_000;

/**
 * The catalog's sold configurations with their counts, as the recommender learns them: only complete builds the
 * current version still accepts (an order of an older version whose options were withdrawn would teach it values
 * nobody can pick). Most sold first; ties in key order, so the answer does not depend on storage order.
 */
export async function soldConfigurations(
  db: Kysely<Database>,
  index: CatalogIndex,
  maxOrders = MAX_ORDERS,
): Promise<SalesResponse> {
  const orders = await listOrdersOfCatalog(db, index.catalog.id, maxOrders);
  const counts = new Map<string, { selections: Build; count: number }>();
  let outdated = 0;
  for (const order of orders) {
    const build = canonical(order.selections);
    if (structuralProblems(index, build, true).length > 0 || violations(index, build).length > 0) {
      outdated++;
      continue;
    }
    const key = JSON.stringify(build);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { selections: build, count: 1 });
  }
  const builds = [...counts.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => entry);
  return {
    catalogId: index.catalog.id,
    catalogVersion: index.catalog.version,
    orders: orders.length,
    outdated,
    builds,
  };
}

/** How long an answer is reused: as long as browsers may cache it (the route's max-age). */
export const SALES_TTL_MS = 300_000;

/**
 * {@link soldConfigurations} kept per catalog version for {@link SALES_TTL_MS}, so configure-page visits do not each
 * re-read and re-check every order; an order placed meanwhile shows up within that time.
 */
export function salesCache(db: Kysely<Database>, now: () => Date) {
  const cache = new Map<string, { at: number; answer: Promise<SalesResponse> }>();
  return (index: CatalogIndex): Promise<SalesResponse> => {
    const key = `${index.catalog.id}@${index.catalog.version}`;
    const t = now().getTime();
    const hit = cache.get(key);
    if (hit && t - hit.at < SALES_TTL_MS) return hit.answer;
    const answer = soldConfigurations(db, index);
    cache.set(key, { at: t, answer });
    // A failed read is not kept.
    answer.catch(() => cache.delete(key));
    return answer;
  };
}

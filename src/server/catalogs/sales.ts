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
 * The catalog's sold configurations with their counts, as the recommender learns them: only complete builds the
 * current version still accepts (an order of an older version whose options were withdrawn would teach it values
 * nobody can pick). Most sold first; ties in key order, so the answer does not depend on storage order.
 */
export async function soldConfigurations(db: Kysely<Database>, index: CatalogIndex): Promise<SalesResponse> {
  const orders = await listOrdersOfCatalog(db, index.catalog.id);
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

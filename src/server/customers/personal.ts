import type { Kysely } from 'kysely';
import type { OptionWeightsResponse, SimilarBuildsResponse } from '../../contract/preferences.schema.ts';
import type { Build } from '../../core/catalog/build.ts';
import { canonicalBuild } from '../../core/catalog/canonical.ts';
import { mostSimilar } from '../../core/profile/similarity.ts';
import { scoredOptions } from '../../core/profile/weights.ts';
import type { CatalogVersions } from '../catalogs/versions.ts';
import { listBuildsOfCustomer } from '../store/builds.repository.ts';
import { listSalesOfCatalog } from '../store/checkouts.repository.ts';
import type { Database } from '../store/database.ts';
import { loadProfile } from '../store/preferences.repository.ts';

const SIMILAR_BUILDS = 3;

/**
 * A customer's preference weights for a catalog's options, each with the preference behind it: what their marks,
 * "Finish with my picks" and the console's next best offers are personalised on. Always the customer's, also when
 * staff ask for it on their behalf.
 */
export async function optionWeightsOf(
  db: Kysely<Database>,
  versions: CatalogVersions,
  customerId: string,
  catalogId: string,
  now: Date,
): Promise<OptionWeightsResponse> {
  const index = await versions.get(catalogId);
  const profile = await loadProfile(db, customerId);
  const scored = [...scoredOptions(profile, index, now.toISOString())];
  return {
    catalogId: index.catalog.id,
    catalogVersion: index.catalog.version,
    personalization: profile.personalization,
    weights: Object.fromEntries(scored.map(([option, s]) => [option, s.weight])),
    evidence: Object.fromEntries(scored.map(([option, s]) => [option, s.evidence])),
  };
}

/**
 * Configurations other customers bought that are most like what this customer saved and ordered. Each is a
 * configuration with how many other customers bought it, never an order: no date, total or anything else that
 * would single out the buyer (issue 19 §5).
 */
export async function similarBuildsOf(
  db: Kysely<Database>,
  customerId: string,
  catalogId: string,
): Promise<SimilarBuildsResponse> {
  const profile = await loadProfile(db, customerId);
  if (!profile.personalization) return { builds: [] };
  const [mine, sales] = await Promise.all([
    listBuildsOfCustomer(db, customerId),
    listSalesOfCatalog(db, catalogId),
  ]);
  const optionsOf = (selections: Record<string, Record<string, number>>) =>
    Object.values(selections).flatMap((options) => Object.keys(options));
  const myOptions = new Set([
    ...mine.filter((b) => b.catalog_id === catalogId).flatMap((b) => optionsOf(b.selections)),
    ...sales.filter((o) => o.customerId === customerId).flatMap((o) => optionsOf(o.selections)),
  ]);
  // One candidate per configuration (its newest sale's version), bought by the customers in `buyers`.
  const configurations = new Map<
    string,
    { selections: Build; catalogVersion: string; buyers: Set<string> }
  >();
  for (const sale of sales) {
    if (sale.customerId === customerId) continue;
    const selections = canonicalBuild(sale.selections);
    const key = JSON.stringify(selections);
    const entry = configurations.get(key) ?? {
      selections,
      catalogVersion: sale.catalogVersion,
      buyers: new Set<string>(),
    };
    entry.buyers.add(sale.customerId);
    configurations.set(key, entry);
  }
  const best = mostSimilar(
    myOptions,
    [...configurations.entries()].map(([key, item]) => ({
      customerId: key,
      options: new Set(optionsOf(item.selections)),
      item,
    })),
    customerId,
    SIMILAR_BUILDS,
  );
  return {
    builds: best.map(({ similarity, item }) => ({
      similarity,
      catalogId,
      catalogVersion: item.catalogVersion,
      selections: item.selections,
      buyers: item.buyers.size,
    })),
  };
}

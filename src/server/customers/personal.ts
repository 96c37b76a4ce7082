import type { Kysely } from 'kysely';
import type { OptionWeightsResponse, SimilarBuildsResponse } from '../../contract/preferences.schema.ts';
import { mostSimilar } from '../../core/profile/similarity.ts';
import { scoredOptions } from '../../core/profile/weights.ts';
import type { CatalogVersions } from '../catalogs/versions.ts';
import { listBuildsOfCustomer } from '../store/builds.repository.ts';
import { listOrdersOfCatalog } from '../store/checkouts.repository.ts';
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

/** Other customers' orders most like what this customer saved and ordered, without who they are. */
export async function similarBuildsOf(
  db: Kysely<Database>,
  customerId: string,
  catalogId: string,
): Promise<SimilarBuildsResponse> {
  const profile = await loadProfile(db, customerId);
  if (!profile.personalization) return { builds: [] };
  const [mine, orders] = await Promise.all([
    listBuildsOfCustomer(db, customerId),
    listOrdersOfCatalog(db, catalogId),
  ]);
  const optionsOf = (selections: Record<string, Record<string, number>>) =>
    Object.values(selections).flatMap((options) => Object.keys(options));
  const myOptions = new Set([
    ...mine.filter((b) => b.catalog_id === catalogId).flatMap((b) => optionsOf(b.selections)),
    ...orders.filter((o) => o.customerId === customerId).flatMap((o) => optionsOf(o.selections)),
  ]);
  const best = mostSimilar(
    myOptions,
    orders.map((o) => ({ customerId: o.customerId, options: new Set(optionsOf(o.selections)), item: o })),
    customerId,
    SIMILAR_BUILDS,
  );
  return {
    builds: best.map(({ similarity, item }) => ({
      similarity,
      catalogId: item.catalogId,
      catalogVersion: item.catalogVersion,
      selections: item.selections,
      totalCents: item.totalCents,
      currency: item.currency,
      orderedAt: item.createdAt,
    })),
  };
}

import type { Kysely } from 'kysely';
import type { CatalogVersionRow } from './catalog-versions.table.ts';
import type { Database } from './database.ts';
import { nowIso } from './ids.ts';

export interface CatalogVersionInput {
  catalogId: string;
  version: string;
  contentHash: string;
  json: string;
}

/**
 * - `inserted`: first time this version is seen;
 * - `unchanged`: already recorded with the same content;
 * - `conflict`: recorded with different content — the file changed without a version bump, so builds saved
 *   against the stored version would now be read against other rules. The stored row is kept.
 */
export type RecordOutcome = 'inserted' | 'unchanged' | 'conflict';

/** Records a catalog version once; never overwrites (saved builds pin the stored content). */
export async function recordCatalogVersion(
  db: Kysely<Database>,
  input: CatalogVersionInput,
): Promise<RecordOutcome> {
  const existing = await findCatalogVersion(db, input.catalogId, input.version);
  if (existing) return existing.content_hash === input.contentHash ? 'unchanged' : 'conflict';
  await db
    .insertInto('catalog_versions')
    .values({
      catalog_id: input.catalogId,
      version: input.version,
      content_hash: input.contentHash,
      json: input.json,
      published_at: nowIso(),
    })
    // Two servers starting at once on one PostgreSQL: the second insert is a no-op, not a crash.
    .onConflict((oc) => oc.columns(['catalog_id', 'version']).doNothing())
    .execute();
  return 'inserted';
}

export async function findCatalogVersion(
  db: Kysely<Database>,
  catalogId: string,
  version: string,
): Promise<CatalogVersionRow | undefined> {
  return db
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('version', '=', version)
    .executeTakeFirst();
}

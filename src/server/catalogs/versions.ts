import type { Kysely } from 'kysely';
import { indexCatalog, validateCatalog, type CatalogIndex } from '../../core/catalog/index.ts';
import { notFound } from '../errors.ts';
import { findCatalogVersion } from '../store/catalog-versions.repository.ts';
import type { Database } from '../store/database.ts';
import type { CatalogRegistry } from './registry.ts';

/**
 * Catalogs by exact version: the registry's current one, or an older one from catalog_versions (what a saved build
 * was made against). Parsed and indexed once per version; versions never change once recorded.
 */
export interface CatalogVersions {
  /** @throws HttpError 404 `catalog_version_not_found` when neither the registry nor the store has it. */
  get(catalogId: string, version?: string, executor?: Kysely<Database>): Promise<CatalogIndex>;
}

export function catalogVersions(db: Kysely<Database>, registry: CatalogRegistry): CatalogVersions {
  const cache = new Map<string, Promise<CatalogIndex | undefined>>();
  const current = new Map<string, CatalogIndex>();
  for (const entry of registry.list()) current.set(entry.catalog.id, indexCatalog(entry.catalog));

  const load = async (
    executor: Kysely<Database>,
    catalogId: string,
    version: string,
  ): Promise<CatalogIndex | undefined> => {
    const row = await findCatalogVersion(executor, catalogId, version);
    return row
      ? indexCatalog(validateCatalog(JSON.parse(row.json), `catalog_versions ${catalogId}@${version}`))
      : undefined;
  };

  return {
    // Inside a transaction pass it as `executor`: SQLite has one connection, which the transaction holds.
    async get(catalogId, version, executor = db) {
      const now = current.get(catalogId);
      if (now && (version === undefined || now.catalog.version === version)) return now;
      if (version === undefined) throw notFound('catalog_not_found', `No catalog "${catalogId}".`);
      const key = `${catalogId}@${version}`;
      let found = cache.get(key);
      if (!found) {
        found = load(executor, catalogId, version);
        cache.set(key, found);
      }
      const index = await found;
      if (!index) {
        cache.delete(key); // it may be recorded later
        throw notFound('catalog_version_not_found', `No catalog "${catalogId}" at version ${version}.`);
      }
      return index;
    },
  };
}

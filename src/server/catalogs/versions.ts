import type { Kysely } from 'kysely';
import { indexCatalog, validateCatalog, type CatalogIndex } from '../../core/catalog/index.ts';
import { notFound } from '../errors.ts';
import { findCatalogVersion } from '../store/catalog-versions.repository.ts';
import type { Database } from '../store/database.ts';
import type { CatalogRegistry } from './registry.ts';

/**
 * Catalogs by exact version: the live one, or any other from catalog_versions (what a saved build was made
 * against, retired or withdrawn). Parsed and indexed once per version; versions never change once recorded.
 */
export interface CatalogVersions {
  /**
   * @param version absent: the live version.
   * @throws HttpError 404 `catalog_not_found` / `catalog_version_not_found`.
   */
  get(catalogId: string, version?: string, executor?: Kysely<Database>): Promise<CatalogIndex>;
}

export function catalogVersions(db: Kysely<Database>, live: CatalogRegistry): CatalogVersions {
  const cache = new Map<string, Promise<CatalogIndex | undefined>>();

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
      const now = live.get(catalogId);
      if (version === undefined && !now) throw notFound('catalog_not_found', `No catalog "${catalogId}".`);
      const wanted = version ?? now?.catalog.version ?? '';
      const key = `${catalogId}@${wanted}`;
      let found = cache.get(key);
      if (!found) {
        found =
          now && now.catalog.version === wanted
            ? Promise.resolve(indexCatalog(now.catalog))
            : load(executor, catalogId, wanted);
        cache.set(key, found);
      }
      const index = await found;
      if (!index) {
        cache.delete(key); // it may be recorded later
        throw notFound('catalog_version_not_found', `No catalog "${catalogId}" at version ${wanted}.`);
      }
      return index;
    },
  };
}

import type { Insertable, Selectable } from 'kysely';

/** Every catalog version the server has served; a saved build names (catalog_id, version) and can be re-read. */
export interface CatalogVersionsTable {
  catalog_id: string;
  version: string;
  /** ISO 8601 (UTC); first time this server loaded the version. */
  published_at: string;
  /** sha256 of `json`, to notice a file changed without a version bump. */
  content_hash: string;
  json: string;
}
export type CatalogVersionRow = Selectable<CatalogVersionsTable>;
export type NewCatalogVersion = Insertable<CatalogVersionsTable>;

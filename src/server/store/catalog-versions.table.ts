import type { Insertable, Selectable } from 'kysely';

/**
 * Every catalog version the server has served or will serve; a saved build names (catalog_id, version) and can be
 * re-read. The live one is computed: the newest effective, not withdrawn (catalogs/live-version.ts).
 */
export interface CatalogVersionsTable {
  catalog_id: string;
  version: string;
  /** ISO 8601 (UTC); when it was recorded (first loaded from a file, or published). */
  published_at: string;
  /** sha256 of `json`, to notice a file changed without a version bump. */
  content_hash: string;
  json: string;
  /** When it is live from; later than published_at for a scheduled version. */
  effective_at: string;
  /** The product manager's note, or "from <file>" for a version loaded from a catalog file. */
  note: string;
  published_by_user_id: string | null;
  /** Set by a rollback: never live again, though builds made on it still open on it. */
  withdrawn_at: string | null;
}
export type CatalogVersionRow = Selectable<CatalogVersionsTable>;
export type NewCatalogVersion = Insertable<CatalogVersionsTable>;

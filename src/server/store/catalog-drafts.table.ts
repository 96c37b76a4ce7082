import type { Selectable } from 'kysely';

/** A catalog being edited (issue 18 §7): its document as last saved, at `revision`. */
export interface CatalogDraftsTable {
  id: string;
  catalog_id: string;
  title: string;
  /** The version it was started (or rolled back) from; null for an imported or new catalog. */
  base_version: string | null;
  revision: number;
  /** JSON text of the catalog document, valid or not. */
  document: string;
  created_at: string;
  updated_at: string;
  created_by_user_id: string | null;
  updated_by_user_id: string | null;
}
export type CatalogDraftRow = Selectable<CatalogDraftsTable>;

/** Every revision's document, so a refused save can be told what changed since its base. */
export interface CatalogDraftRevisionsTable {
  draft_id: string;
  revision: number;
  document: string;
  saved_at: string;
  saved_by_user_id: string | null;
}

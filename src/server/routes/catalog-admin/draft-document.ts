import type { Issue } from '../../../contract/errors.schema.ts';
import { CatalogError, validateCatalog, type Catalog } from '../../../core/catalog/index.ts';
import { unprocessable } from '../../errors.ts';
import type { StoredDraft } from '../../store/catalog-drafts.repository.ts';

/**
 * A draft's document checked as a catalog of `catalogId`: the catalog when it validates, else the problems by JSON
 * path (a draft is saved either way: saving never loses work).
 */
export function checkDraftDocument(
  document: Record<string, unknown>,
  catalogId: string,
): { catalog: Catalog; issues: [] } | { catalog: undefined; issues: Issue[] } {
  let catalog: Catalog;
  try {
    catalog = validateCatalog(document, `draft of ${catalogId}`);
  } catch (error) {
    if (error instanceof CatalogError) return { catalog: undefined, issues: error.problems };
    throw error;
  }
  if (catalog.id !== catalogId)
    return {
      catalog: undefined,
      issues: [{ path: '$.id', message: `must be "${catalogId}", the catalog this draft belongs to` }],
    };
  return { catalog, issues: [] };
}

/** The draft as a catalog, or 422 `draft_invalid` naming its first problems (the preview needs a valid one). */
export function draftCatalog(draft: StoredDraft): Catalog {
  const { catalog, issues } = checkDraftDocument(draft.document, draft.catalogId);
  if (catalog) return catalog;
  throw unprocessable(
    'draft_invalid',
    `Draft "${draft.title}" is not a valid catalog yet: ${issues.length} problem(s), first ${issues[0]?.path}: ${issues[0]?.message}`,
    issues,
  );
}

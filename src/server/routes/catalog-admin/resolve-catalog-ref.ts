import type { Catalog } from '../../../core/catalog/index.ts';
import { notFound } from '../../errors.ts';
import type { RouteDeps } from '../route-deps.ts';
import { draftOr404 } from './draft-conflict.ts';
import { draftCatalog } from './draft-document.ts';

/** A catalog as the diff names it: a published version, or (`draft:<id>`) a draft's current revision. */
export interface ResolvedRef {
  ref: string;
  catalog: Catalog;
}

const DRAFT = 'draft:';

/**
 * The one place a diff's `from`/`to` is looked up (contract `diffQuerySchema`).
 * @throws HttpError 404 `catalog_not_found` / `catalog_version_not_found` / `draft_not_found` (also a draft of
 *   another catalog), 422 `draft_invalid` for a draft that is not a valid catalog yet.
 */
export async function resolveCatalogRef(
  deps: Pick<RouteDeps, 'versions' | 'db'>,
  catalogId: string,
  ref: string,
): Promise<ResolvedRef> {
  if (ref.startsWith(DRAFT)) {
    const draftId = ref.slice(DRAFT.length);
    const draft = await draftOr404(deps.db, draftId);
    if (draft.catalogId !== catalogId)
      throw notFound('draft_not_found', `No draft "${draftId}" of catalog "${catalogId}".`);
    return { ref, catalog: draftCatalog(draft) };
  }
  const index = await deps.versions.get(catalogId, ref);
  return { ref, catalog: index.catalog };
}

import type { Catalog } from '../../core/catalog/index.ts';
import { HttpError } from '../errors.ts';
import type { RouteDeps } from '../routes/route-deps.ts';

/** A catalog as the diff names it: a published version, or (`draft:<id>`) a draft's current revision. */
export interface ResolvedRef {
  ref: string;
  catalog: Catalog;
  /** Versions never change once recorded, so what is computed from them may be kept. */
  immutable: boolean;
}

/**
 * The one place a diff's `from`/`to` is looked up (contract `diffQuerySchema`). Drafts are stored by the drafts
 * change (issue 18 §7); until it extends this function, a draft ref is refused.
 * @throws HttpError 404 `catalog_not_found` / `catalog_version_not_found`; 400 `draft_diff_unavailable`.
 */
export async function resolveCatalogRef(
  deps: Pick<RouteDeps, 'versions'>,
  catalogId: string,
  ref: string,
): Promise<ResolvedRef> {
  if (ref.startsWith('draft:'))
    throw new HttpError(400, 'draft_diff_unavailable', `Drafts cannot be compared yet ("${ref}").`);
  const index = await deps.versions.get(catalogId, ref);
  return { ref, catalog: index.catalog, immutable: true };
}

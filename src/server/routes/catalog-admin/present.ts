import type {
  AdminCatalog,
  CatalogVersionSummary,
  Draft,
  DraftSummary,
} from '../../../contract/catalog-admin.schema.ts';
import { liveVersionOf, newestFirst, versionStatus } from '../../catalogs/live-version.ts';
import type { CatalogVersionMeta } from '../../store/catalog-versions.repository.ts';
import type { DraftHeader, StoredDraft } from '../../store/catalog-drafts.repository.ts';
import { checkDraftDocument } from './draft-document.ts';

const actor = (name: string | null) => (name === null ? null : { name });

export const draftSummary = (d: DraftHeader): DraftSummary => ({
  id: d.id,
  catalogId: d.catalogId,
  title: d.title,
  baseVersion: d.baseVersion,
  revision: d.revision,
  updatedAt: d.updatedAt,
  updatedBy: actor(d.updatedBy),
});

export const draftReply = (d: StoredDraft): Draft => ({
  ...draftSummary(d),
  document: d.document,
  issues: checkDraftDocument(d.document, d.catalogId).issues,
});

export function versionSummaries(
  versions: readonly CatalogVersionMeta[],
  now: Date,
  uses: ReadonlyMap<string, number>,
): CatalogVersionSummary[] {
  const live = liveVersionOf(versions, now);
  return newestFirst(versions).map((v) => ({
    version: v.version,
    status: versionStatus(v, live, now),
    publishedAt: v.publishedAt,
    effectiveAt: v.effectiveAt,
    note: v.note,
    publishedBy: actor(v.publishedBy),
    buildCount: uses.get(`${v.catalogId}@${v.version}`) ?? 0,
  }));
}

/** Every catalog with a version or a draft, in id order; `nameOf` gives the live version's name. */
export function adminCatalogs(
  versions: readonly CatalogVersionMeta[],
  drafts: readonly DraftHeader[],
  uses: ReadonlyMap<string, number>,
  now: Date,
  nameOf: (catalogId: string) => string | undefined,
): AdminCatalog[] {
  const ids = [...new Set([...versions.map((v) => v.catalogId), ...drafts.map((d) => d.catalogId)])].sort();
  return ids.map((id) => {
    const own = versions.filter((v) => v.catalogId === id);
    return {
      id,
      name: nameOf(id) ?? id,
      live: liveVersionOf(own, now)?.version ?? null,
      versions: versionSummaries(own, now, uses),
      drafts: drafts.filter((d) => d.catalogId === id).map(draftSummary),
    };
  });
}

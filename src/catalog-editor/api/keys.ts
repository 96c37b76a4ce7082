import { identityKeys } from '../../ui/api/auth.ts';

/** Under `['catalog-admin', …]`, so signing out drops everything the editor fetched. */
export const adminKeys = {
  all: identityKeys.catalogAdmin,
  catalogs: () => [...identityKeys.catalogAdmin, 'catalogs'] as const,
  draft: (draftId: string) => [...identityKeys.catalogAdmin, 'draft', draftId] as const,
  draftCatalog: (draftId: string) => [...identityKeys.catalogAdmin, 'draft', draftId, 'catalog'] as const,
  check: (draftId: string) => [...identityKeys.catalogAdmin, 'draft', draftId, 'check'] as const,
  impact: (draftId: string) => [...identityKeys.catalogAdmin, 'draft', draftId, 'impact'] as const,
  diff: (catalogId: string, from: string, to: string) =>
    [...identityKeys.catalogAdmin, 'diff', catalogId, from, to] as const,
  popularity: (catalogId: string) => [...identityKeys.catalogAdmin, 'popularity', catalogId] as const,
};

const root = '/api/catalog-admin';
const enc = encodeURIComponent;

/** The editor's API paths (src/contract/catalog-admin.schema.ts). */
export const adminUrls = {
  catalogs: `${root}/catalogs`,
  drafts: (catalogId: string) => `${root}/catalogs/${enc(catalogId)}/drafts`,
  draft: (draftId: string) => `${root}/drafts/${enc(draftId)}`,
  draftCatalog: (draftId: string) => `${root}/drafts/${enc(draftId)}/catalog`,
  check: (draftId: string) => `${root}/drafts/${enc(draftId)}/check`,
  impact: (draftId: string) => `${root}/drafts/${enc(draftId)}/impact`,
  publish: (draftId: string) => `${root}/drafts/${enc(draftId)}/publish`,
  rollback: (catalogId: string) => `${root}/catalogs/${enc(catalogId)}/rollback`,
  diff: (catalogId: string, from: string, to: string) =>
    `${root}/catalogs/${enc(catalogId)}/diff?${new URLSearchParams({ from, to }).toString()}`,
  popularity: (catalogId: string) => `${root}/catalogs/${enc(catalogId)}/popularity`,
  versionDocument: (catalogId: string, version: string) =>
    `${root}/catalogs/${enc(catalogId)}/versions/${enc(version)}/document`,
};

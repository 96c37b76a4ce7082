import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  catalogDiffSchema,
  draftCheckResponseSchema,
  draftSchema,
  impactReportSchema,
  publishBodySchema,
  publishResponseSchema,
  versionDocumentResponseSchema,
} from '../../contract/catalog-admin.schema.ts';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { adminKeys, adminUrls } from './keys.ts';

export function useDraft(draftId: string) {
  return useQuery({
    queryKey: adminKeys.draft(draftId),
    queryFn: ({ signal }) => getJson(adminUrls.draft(draftId), draftSchema, signal),
  });
}

/** The draft as the configurator reads it (defaults filled in), for the preview. */
export function useDraftCatalog(draftId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: adminKeys.draftCatalog(draftId),
    queryFn: ({ signal }) => getJson(adminUrls.draftCatalog(draftId), catalogResponseSchema, signal),
    retry: false,
  });
}

/** The server's checks on the draft as stored; asked again with `refetch` (after a conflict, say). */
export function useDraftCheck(draftId: string) {
  return useQuery({
    queryKey: adminKeys.check(draftId),
    queryFn: () => sendJson('POST', adminUrls.check(draftId), undefined, draftCheckResponseSchema),
    staleTime: 0,
    retry: false,
  });
}

/** Every saved build, live session and open quote checked against the draft. */
export function useImpact(draftId: string) {
  return useQuery({
    queryKey: adminKeys.impact(draftId),
    queryFn: ({ signal }) => getJson(adminUrls.impact(draftId), impactReportSchema, signal),
    staleTime: 0,
    retry: false,
  });
}

export type PublishBody = z.input<typeof publishBodySchema>;

export function usePublish(draftId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishBody) =>
      sendJson('POST', adminUrls.publish(draftId), body, publishResponseSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.catalogs() }),
  });
}

/** `from`/`to`: a version name or `draft:<id>`. */
export function useDiff(catalogId: string, from: string, to: string) {
  return useQuery({
    queryKey: adminKeys.diff(catalogId, from, to),
    queryFn: ({ signal }) => getJson(adminUrls.diff(catalogId, from, to), catalogDiffSchema, signal),
    enabled: from !== '' && to !== '',
    retry: false,
  });
}

/** A version's or a draft's catalog file, as stored. */
export async function fetchDocument(
  catalogId: string,
  source: { version: string } | { draftId: string },
): Promise<Record<string, unknown>> {
  if ('version' in source)
    return getJson(adminUrls.versionDocument(catalogId, source.version), versionDocumentResponseSchema);
  return (await getJson(adminUrls.draft(source.draftId), draftSchema)).document;
}

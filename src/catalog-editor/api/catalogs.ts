import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  adminCatalogListSchema,
  createDraftBodySchema,
  draftSchema,
  popularityResponseSchema,
  rollbackResponseSchema,
  type AdminCatalog,
} from '../../contract/catalog-admin.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { adminKeys, adminUrls } from './keys.ts';

/** Every catalog with its versions (newest first) and drafts. */
export function useAdminCatalogs() {
  return useQuery({
    queryKey: adminKeys.catalogs(),
    queryFn: ({ signal }) => getJson(adminUrls.catalogs, adminCatalogListSchema, signal),
  });
}

/** One catalog of the list (the list is small and every page needs its versions). */
export function useAdminCatalog(catalogId: string): {
  catalog: AdminCatalog | undefined;
  isPending: boolean;
  error: Error | null;
} {
  const list = useAdminCatalogs();
  return {
    catalog: list.data?.find((c) => c.id === catalogId),
    isPending: list.isPending,
    error: list.error,
  };
}

export type CreateDraftBody = z.input<typeof createDraftBodySchema>;

/** Starts a draft; the list shows it at once. */
export function useCreateDraft(catalogId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDraftBody) => sendJson('POST', adminUrls.drafts(catalogId), body, draftSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.catalogs() }),
  });
}

/** Withdraws the live `version`: the previous one is live again, this one's content comes back as a draft. */
export function useRollback(catalogId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      sendJson('POST', adminUrls.rollback(catalogId), { version }, rollbackResponseSchema),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.catalogs() }),
  });
}

export function usePopularity(catalogId: string) {
  return useQuery({
    queryKey: adminKeys.popularity(catalogId),
    queryFn: ({ signal }) => getJson(adminUrls.popularity(catalogId), popularityResponseSchema, signal),
  });
}

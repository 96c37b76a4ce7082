import { useCallback } from 'react';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CompiledSource } from '../../configure/index.ts';
import { catalogListResponseSchema, catalogResponseSchema } from '../../contract/index.ts';
import { getBytes, getJson } from '../../ui/api-client.ts';

export const catalogKeys = {
  all: ['catalogs'] as const,
  one: (id: string) => ['catalogs', id] as const,
  compiled: (id: string) => ['catalogs', id, 'compiled'] as const,
  version: (id: string, version: string) => ['catalogs', id, 'versions', version] as const,
};

const catalogUrl = (id: string) => `/api/catalogs/${encodeURIComponent(id)}`;

// Catalog versions change only on publish; keep them for the session.
const catalogQuery = (id: string) =>
  queryOptions({
    queryKey: catalogKeys.one(id),
    queryFn: ({ signal }) => getJson(catalogUrl(id), catalogResponseSchema, signal),
    staleTime: Infinity,
  });

/**
 * The catalog's compiled diagram, compiled once by the server (its bytes are checked against the catalog when
 * read). No retry: the configurator compiles the catalog itself when this fails.
 */
export const compiledCatalogQuery = (id: string) =>
  queryOptions({
    queryKey: catalogKeys.compiled(id),
    queryFn: ({ signal }) => getBytes(`${catalogUrl(id)}/compiled`, signal),
    staleTime: Infinity,
    retry: false,
  });

/** Asks for what the configure page of a catalog needs, before its code has loaded or rendered. */
export function prefetchConfigure(queryClient: QueryClient, id: string): void {
  void queryClient.prefetchQuery(catalogQuery(id));
  void queryClient.prefetchQuery(compiledCatalogQuery(id));
}

export function useCatalogList() {
  return useQuery({
    queryKey: catalogKeys.all,
    queryFn: ({ signal }) => getJson('/api/catalogs', catalogListResponseSchema, signal),
  });
}

export function useCatalog(id: string) {
  return useQuery(catalogQuery(id));
}

/** The compiled form of a catalog from the query cache (prefetched with the page), for the configurator. */
export function useCompiledCatalog(): CompiledSource {
  const queryClient = useQueryClient();
  return useCallback((id: string) => queryClient.fetchQuery(compiledCatalogQuery(id)), [queryClient]);
}

/** A recorded version of a catalog (versions never change once recorded), when `version` is given. */
export function useCatalogVersion(id: string, version: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.version(id, version ?? ''),
    queryFn: ({ signal }) =>
      getJson(
        `${catalogUrl(id)}/versions/${encodeURIComponent(version ?? '')}`,
        catalogResponseSchema,
        signal,
      ),
    enabled: version !== undefined,
    staleTime: Infinity,
  });
}

import { useQuery } from '@tanstack/react-query';
import { catalogListResponseSchema, catalogResponseSchema } from '../../contract/index.ts';
import { getJson } from '../../ui/api-client.ts';

export const catalogKeys = {
  all: ['catalogs'] as const,
  one: (id: string) => ['catalogs', id] as const,
};

export function useCatalogList() {
  return useQuery({
    queryKey: catalogKeys.all,
    queryFn: ({ signal }) => getJson('/api/catalogs', catalogListResponseSchema, signal),
  });
}

export function useCatalog(id: string) {
  return useQuery({
    queryKey: catalogKeys.one(id),
    queryFn: ({ signal }) =>
      getJson(`/api/catalogs/${encodeURIComponent(id)}`, catalogResponseSchema, signal),
    // Catalog versions change only on publish; keep them for the session.
    staleTime: Infinity,
  });
}

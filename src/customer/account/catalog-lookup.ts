import { useQueries } from '@tanstack/react-query';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import { getJson } from '../../ui/api-client.ts';
import { catalogKeys } from '../api/catalogs.ts';
import { useAccountCatalogs } from './account-outlet.ts';

export interface CatalogLookup {
  /** "Desktop PC" for `pc`; the id itself for a catalog no longer offered. */
  name: (catalogId: string) => string;
  /** The catalog's currency (EUR when unknown, the shop's own). */
  currency: (catalogId: string | null) => string;
  /** A slot's and an option's names in the current catalog version, or their ids. */
  slot: (catalogId: string, slotId: string) => string;
  option: (catalogId: string, optionId: string) => string;
}

/**
 * Names for ids in saved builds and the timeline. The current catalog version names them; an id it no longer
 * has is shown as is, as is every id while the list is missing. The list comes from AccountLayout; full catalogs
 * load only for `detailed` ids (the timeline's option names). For components inside the account pages only.
 */
export function useCatalogLookup(detailed: readonly string[] = []): CatalogLookup {
  const list = useAccountCatalogs();
  const full = useQueries({
    queries: [...new Set(detailed)].map((id) => ({
      queryKey: catalogKeys.one(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson(`/api/catalogs/${encodeURIComponent(id)}`, catalogResponseSchema, signal),
      staleTime: Infinity,
    })),
  });
  const catalogs = full.flatMap((q) => (q.data ? [q.data] : []));
  const find = (id: string) => catalogs.find((c) => c.id === id);
  return {
    name: (id) => list.find((c) => c.id === id)?.name ?? id,
    currency: (id) => list.find((c) => c.id === id)?.currency ?? 'EUR',
    slot: (catalogId, slotId) => find(catalogId)?.slots.find((s) => s.id === slotId)?.name ?? slotId,
    option: (catalogId, optionId) => {
      for (const slot of find(catalogId)?.slots ?? []) {
        const option = slot.options.find((o) => o.id === optionId);
        if (option) return option.name;
      }
      return optionId;
    },
  };
}

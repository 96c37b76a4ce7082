import { useQueries } from '@tanstack/react-query';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import { getJson } from '../../ui/api-client.ts';
import {
  priceLineLabel,
  useCatalogLanguage,
  useCatalogTitle,
  wordsFor,
} from '../../ui/i18n/catalog-words.ts';
import { catalogKeys } from '../api/catalogs.ts';
import { useAccountCatalogs } from './account-outlet.ts';

export interface CatalogLookup {
  /** "Aurora Desktop" for `pc`, in the shopper's language; the id itself for a catalog no longer offered. */
  name: (catalogId: string) => string;
  /** The catalog's currency (EUR when unknown, the shop's own). */
  currency: (catalogId: string | null) => string;
  /** A slot's and an option's names in the current catalog version, or `fallback` (their ids) where it has none. */
  slot: (catalogId: string, slotId: string, fallback?: string) => string;
  option: (catalogId: string, optionId: string, fallback?: string) => string;
  /** A price line's label in the shopper's language (the stored label where the catalog has no words for it). */
  line: (catalogId: string, line: { kind: string; ref: string; label: string }) => string;
  /**
   * A learned preference with its dimension and value named from its key's ids in the shopper's language ("GPU
   * brand" / "NVIDIA" from `pc/attr/gpuBrand/NVIDIA`); the server's English where the catalog has no such id.
   */
  preference: <P extends { key: string; catalogId: string; dimension: string; value: string }>(p: P) => P;
}

/**
 * Names for ids in saved builds, quotes, orders and the timeline, in the shopper's language. The current catalog
 * version names them; an id it no longer has is shown as the caller's fallback, as is every id while the list is
 * missing. The list comes from AccountLayout; full catalogs load only for `detailed` ids (slot, option and price
 * line names). For components inside the account pages only.
 */
export function useCatalogLookup(detailed: readonly string[] = []): CatalogLookup {
  const list = useAccountCatalogs();
  const language = useCatalogLanguage();
  const title = useCatalogTitle();
  const full = useQueries({
    queries: [...new Set(detailed)].map((id) => ({
      queryKey: catalogKeys.one(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson(`/api/catalogs/${encodeURIComponent(id)}`, catalogResponseSchema, signal),
      staleTime: Infinity,
    })),
  });
  const words = (catalogId: string) => {
    const catalog = full.find((q) => q.data?.id === catalogId)?.data;
    return catalog && wordsFor(catalog, language);
  };
  // The words answer an id they do not know with the id itself.
  const named = (name: string | undefined, id: string, fallback: string) =>
    name !== undefined && name !== id ? name : fallback;
  return {
    name: (id) => {
      const summary = list.find((c) => c.id === id);
      return summary ? title(summary).name : id;
    },
    currency: (id) => list.find((c) => c.id === id)?.currency ?? 'EUR',
    slot: (catalogId, slotId, fallback = slotId) =>
      named(words(catalogId)?.slotName(slotId), slotId, fallback),
    option: (catalogId, optionId, fallback = optionId) =>
      named(words(catalogId)?.optionName(optionId), optionId, fallback),
    line: (catalogId, line) => {
      const w = words(catalogId);
      return w ? priceLineLabel(w, line) : line.label;
    },
    preference: (p) => {
      const w = words(p.catalogId);
      const [, kind, ref = '', value = ''] = p.key.split('/');
      if (!w) return p;
      const dimension = (name: string) => named(name, ref, p.dimension);
      switch (kind) {
        case 'attr':
          // Only enum attributes are learned (core/profile/preferences.ts): the value is one of the enum's.
          return { ...p, dimension: dimension(w.attributeLabel(ref)), value: w.attributeValue(ref, value) };
        case 'slot':
          return {
            ...p,
            dimension: dimension(w.slotName(ref)),
            value: named(w.optionName(value), value, p.value),
          };
        case 'price':
          // The server says "<slot> price"; the pages of other languages word the price themselves (evidence.ts).
          return {
            ...p,
            dimension: named(w.slotName(ref), ref, p.dimension.replace(/ price$/, '')) + ' price',
          };
        default:
          return p;
      }
    },
  };
}

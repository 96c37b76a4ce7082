import { useQuery } from '@tanstack/react-query';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { getJson } from '../../ui/api-client.ts';
import { useCatalogLanguage, wordsFor } from '../../ui/i18n/catalog-words.ts';
import { useDraftCatalog } from './drafts.ts';

/** Slot and option names as the reader's language has them, an id where no catalog at hand knows it. */
export interface Names {
  slot: (id: string) => string;
  option: (id: string) => string;
}

/** The live catalog as shoppers get it: names for whatever it still has. */
function useLiveCatalog(catalogId: string) {
  return useQuery({
    queryKey: ['catalogs', catalogId],
    queryFn: ({ signal }) =>
      getJson(`/api/catalogs/${encodeURIComponent(catalogId)}`, catalogResponseSchema, signal),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Names from a draft (when one is involved) and from the live catalog: a new option is named by its draft, an old
 * one by the live version. Ids stand in while they load or when neither knows it (a long-removed option).
 */
export function useNames(catalogId: string, draftId?: string): Names {
  const language = useCatalogLanguage();
  const live = useLiveCatalog(catalogId);
  const draft = useDraftCatalog(draftId ?? '', draftId !== undefined);
  const catalogs = [draft.data, live.data].filter((c): c is Catalog => c !== undefined);
  const words = catalogs.map((c) => wordsFor(c, language));
  const first = (look: (w: (typeof words)[number]) => string, id: string) => {
    for (const w of words) {
      const name = look(w);
      if (name !== id) return name;
    }
    return id;
  };
  return {
    slot: (id) => first((w) => w.slotName(id), id),
    option: (id) => first((w) => w.optionName(id), id),
  };
}

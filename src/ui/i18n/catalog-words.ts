import { useTranslation } from 'react-i18next';
import {
  catalogLanguage,
  catalogTitle,
  catalogWords,
  type Catalog,
  type CatalogLanguage,
  type CatalogWords,
  type TitledCatalog,
} from '../../core/catalog/index.ts';

// One lookup per catalog object and language for the whole page: the option cards of a step (dozens on the PC)
// share it instead of each indexing the catalog again.
const cache = new WeakMap<Catalog, Map<CatalogLanguage, CatalogWords>>();

/** `catalogWords`, computed once per catalog object and language. */
export function wordsFor(catalog: Catalog, language: CatalogLanguage): CatalogWords {
  let byLanguage = cache.get(catalog);
  if (!byLanguage) cache.set(catalog, (byLanguage = new Map()));
  let words = byLanguage.get(language);
  if (!words) byLanguage.set(language, (words = catalogWords(catalog, language)));
  return words;
}

/** The shopper's language as far as catalogs go (English where the catalogs have no texts in it). */
export function useCatalogLanguage(): CatalogLanguage {
  return catalogLanguage(useTranslation().i18n.language);
}

/** Every word of `catalog` in the shopper's language: the one way the UI names catalog content. */
export function useCatalogWords(catalog: Catalog): CatalogWords {
  return wordsFor(catalog, useCatalogLanguage());
}

/** A catalog's name and description (a full catalog or a list's summary) in the shopper's language. */
export function useCatalogTitle(): (catalog: TitledCatalog) => { name: string; description: string } {
  const language = useCatalogLanguage();
  return (catalog) => catalogTitle(catalog, language);
}

/**
 * A line of a price breakdown in the shopper's language: the catalog's words where it names catalog content, the
 * line's own label otherwise (a customer's discount, or an option a newer catalog version no longer has).
 */
export function priceLineLabel(
  words: CatalogWords,
  line: { kind: string; ref: string; label: string },
): string {
  // The words answer an id they do not know with the id itself.
  const known = (name: string) => (name === line.ref ? line.label : name);
  switch (line.kind) {
    case 'base':
      return words.catalogName();
    case 'option':
    case 'included':
      return known(words.optionName(line.ref));
    case 'rule':
      return known(words.priceRule(line.ref));
    default:
      return line.label;
  }
}

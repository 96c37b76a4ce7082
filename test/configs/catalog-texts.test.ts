import { describe, expect, it } from 'vitest';
import { missingTexts, translationLanguages } from '../../src/core/catalog/index.ts';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';

// The shipped catalogs with their texts files, loaded as the server loads them: every text a shopper reads exists
// in English, German and Chinese. A failure lists each missing text by language, JSON path and English words.
const registry = await loadCatalogRegistry(new URL('../../configs/catalogs/', import.meta.url).pathname);

const sections = ['catalog', 'groups', 'slots', 'options', 'attributes', 'priceRules', 'rules'] as const;
const sectionOf = (path: string) => /^\$\.(\w+)/.exec(path)?.[1];

describe('catalog texts in every language', () => {
  it('covers the shipped catalogs', () => {
    expect(registry.list().map((e) => e.catalog.id)).toEqual(['car', 'pc']);
  });

  describe.each(registry.list().map((e) => [e.catalog.id, e.catalog] as const))('%s', (_, catalog) => {
    const missing = missingTexts(catalog);
    it.each(
      translationLanguages.flatMap((language) => sections.map((section) => [language, section] as const)),
    )('%s: %s', (language, section) => {
      const lacking = missing
        .filter((m) => m.language === language && sectionOf(m.path) === section)
        .map((m) => `${m.path}: ${m.english}`);
      expect(lacking, `${lacking.length} missing:\n${lacking.join('\n')}`).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { catalogDraftTexts } from './catalog-draft.texts.ts';

/** Every key path of a texts object ("value.title"), sorted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('catalog draft texts', () => {
  it('have the same keys in every language, none empty', () => {
    const english = keys(catalogDraftTexts.en);
    expect(keys(catalogDraftTexts.de)).toEqual(english);
    expect(keys(catalogDraftTexts.zh)).toEqual(english);
    for (const texts of Object.values(catalogDraftTexts))
      for (const text of JSON.stringify(texts).match(/"[^"]*":""/g) ?? []) expect(text).toBe('no empty text');
  });
});

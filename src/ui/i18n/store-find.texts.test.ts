import { describe, expect, it } from 'vitest';
import { storeFindTexts } from './store-find.texts.ts';

/** Every key path of a texts object ("value.title"), sorted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('store find texts', () => {
  it('have the same keys in every language, none empty', () => {
    const english = keys(storeFindTexts.en);
    expect(keys(storeFindTexts.de)).toEqual(english);
    expect(keys(storeFindTexts.zh)).toEqual(english);
    for (const texts of Object.values(storeFindTexts))
      for (const text of JSON.stringify(texts).match(/"[^"]*":""/g) ?? []) expect(text).toBe('no empty text');
  });
});

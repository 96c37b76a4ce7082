import { describe, expect, it } from 'vitest';
import { accountTexts } from '../../ui/i18n/account.texts.ts';

/** Every key path of a texts object ("builds.title"), sorted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('account texts', () => {
  it('have the same keys in every language, none empty', () => {
    const english = keys(accountTexts.en);
    expect(keys(accountTexts.de)).toEqual(english);
    expect(keys(accountTexts.zh)).toEqual(english);
    for (const texts of Object.values(accountTexts))
      for (const text of JSON.stringify(texts).match(/"[^"]*":""/g) ?? []) expect(text).toBe('no empty text');
  });
});

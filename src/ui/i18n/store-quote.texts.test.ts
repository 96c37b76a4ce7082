import { describe, expect, it } from 'vitest';
import { accountQuotesTexts } from './account-quotes.texts.ts';
import { storeApprovalsTexts, storeQuoteTexts } from './store-quote.texts.ts';

/** Every key path of a texts object ("band.within"), sorted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

/** The {{placeholders}} of every text, by key path, so no language drops a number the others show. */
function placeholders(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}:${(value.match(/{{\w+}}/g) ?? []).sort().join(',')}`];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .flatMap(([k, v]) => placeholders(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe.each([
  ['store quote', storeQuoteTexts],
  ['store approvals', storeApprovalsTexts],
  ['account quotes', accountQuotesTexts],
])('%s texts', (_name, texts) => {
  it('have the same keys and placeholders in every language, none empty', () => {
    expect(keys(texts.de)).toEqual(keys(texts.en));
    expect(keys(texts.zh)).toEqual(keys(texts.en));
    expect(placeholders(texts.de)).toEqual(placeholders(texts.en));
    expect(placeholders(texts.zh)).toEqual(placeholders(texts.en));
    for (const language of Object.values(texts))
      for (const text of JSON.stringify(language).match(/"[^"]*":""/g) ?? [])
        expect(text).toBe('no empty text');
  });
});

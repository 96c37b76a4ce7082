import { describe, expect, it } from 'vitest';
import { fill, quotePdfTexts } from './quote-pdf.texts.ts';

/** Every leaf of a texts object as `path → text`. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  if (typeof value === 'string') return new Map([[prefix, value]]);
  return new Map(
    Object.entries(value as object).flatMap(([k, v]) => [...leaves(v, prefix ? `${prefix}.${k}` : k)]),
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('quote PDF texts', () => {
  const english = leaves(quotePdfTexts.en);

  it.each(['de', 'zh'] as const)(
    '%s has the same keys as English, none empty, the same placeholders',
    (lang) => {
      const texts = leaves(quotePdfTexts[lang]);
      expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of texts) {
        expect({ key, text: text.trim() === '' ? 'empty' : 'ok' }).toEqual({ key, text: 'ok' });
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english.get(key) ?? ''),
        });
      }
    },
  );

  it('fill replaces known placeholders and keeps unknown ones', () => {
    expect(fill('Valid until {date} ({x})', { date: '20 December 2026' })).toBe(
      'Valid until 20 December 2026 ({x})',
    );
  });
});

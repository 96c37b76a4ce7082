import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDelta, formatMoney } from './format.ts';
import { languages } from './i18n/resources.ts';

/** Reads a formatted amount back, with the locale's own separators: its cents, and how many decimals it showed. */
function readBack(text: string, locale: string): { cents: number; decimals: number } {
  const parts = new Intl.NumberFormat(locale).formatToParts(-12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const negative = /[-−]/.test(text);
  const [whole = '', fraction = ''] = text
    .split(group)
    .join('')
    .split(decimal)
    .map((s) => s.replace(/\D/g, ''));
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return { cents: negative ? -cents : cents, decimals: fraction.length };
}

describe('money', () => {
  it('shows whole amounts without decimals and cents always with two digits, in every language', () => {
    expect(formatMoney(6_118_760, 'EUR')).toBe('€61,187.60');
    expect(formatMoney(293_600, 'EUR')).toBe('€2,936');
    expect(formatMoney(6_118_760, 'EUR', 'de-DE')).toBe('61.187,60\u00a0€');
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom(...languages.map((l) => l.locale)),
        (cents, locale) => {
          const shown = readBack(formatMoney(cents, 'EUR', locale), locale);
          expect(shown.cents).toBe(cents);
          expect(shown.decimals).toBe(cents % 100 === 0 ? 0 : 2);
        },
      ),
    );
  });

  it('signs a difference and keeps its cents', () => {
    expect(formatDelta(4_950, 'EUR')).toBe('+€49.50');
    expect(formatDelta(-8_000, 'EUR')).toBe('−€80');
    expect(formatDelta(0, 'EUR')).toBe('±€0');
  });
});

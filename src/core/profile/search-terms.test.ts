import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, fold, searchQuery, searchRank, searchTerms, type Searchable } from './search-terms.ts';

const anna: Searchable = {
  name: 'Anna Müller-Berg',
  email: 'Anna.Berg@Example.com',
  phone: '+49 30 123-4567',
  customerNumber: 'C-000042',
};

/** The repository's rule on the terms: the whole query, or every part of it, prefixes a term. */
function found(customer: Searchable, q: string): boolean {
  const terms = searchTerms(customer);
  const { whole, parts } = searchQuery(q);
  const prefixes = (p: string) => terms.some((t) => t.startsWith(p));
  return (whole !== '' && prefixes(whole)) || (parts.length > 0 && parts.every(prefixes));
}

const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ]{1,10}$/);
const customer = fc.record({
  name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  email: fc.tuple(word, word).map(([a, b]) => `${a}.${b}@example.com`),
  phone: fc.stringMatching(/^\+?[0-9][0-9 -]{5,14}[0-9]$/),
  customerNumber: fc.integer({ min: 1, max: 999_999 }).map((n) => `C-${String(n).padStart(6, '0')}`),
});

describe('search terms', () => {
  it('folds case, accents and ligatures; leaves other scripts alone', () => {
    expect(fold('Müller Ærø Straße ÉLODIE')).toBe('muller aero strasse elodie');
    expect(fold('王芳')).toBe('王芳');
  });

  it('finds a customer by name parts, e-mail, local part, phone digits and number', () => {
    for (const q of [
      'Ann',
      'berg',
      'muller',
      'MÜLLER',
      'anna berg',
      'berg anna',
      'anna.berg',
      'anna.berg@example.com',
      '030 123',
      '+49 30 1234567',
      '1234567',
      '123-4567',
      'C-000042',
      'c000042',
      '00004',
      '42',
    ])
      expect(found(anna, q), q).toBe(true);
    for (const q of ['bergx', 'anna smith', '7654', 'C-000043', 'muellerr'])
      expect(found(anna, q), q).toBe(false);
  });

  it('every term is non-empty, compact and listed once', () => {
    fc.assert(
      fc.property(customer, (c) => {
        const terms = searchTerms(c);
        expect(new Set(terms).size).toBe(terms.length);
        for (const t of terms) {
          expect(t).not.toBe('');
          expect(compact(t)).toBe(t);
        }
      }),
    );
  });

  it('any prefix of a name word, in any case, with or without its accents, finds the customer', () => {
    fc.assert(
      fc.property(customer, fc.nat(), fc.integer({ min: 1, max: 10 }), fc.boolean(), (c, w, n, upper) => {
        const parts = c.name.split(' ');
        const part = parts[w % parts.length] ?? '';
        const typed = part.slice(0, n);
        expect(found(c, upper ? typed.toUpperCase() : typed)).toBe(true);
        expect(found(c, fold(typed))).toBe(true);
      }),
    );
  });

  it('the e-mail, its local part, the number and the phone digits, however formatted, find the customer', () => {
    fc.assert(
      fc.property(customer, fc.integer({ min: 4, max: 15 }), (c, n) => {
        expect(found(c, c.email.toUpperCase())).toBe(true);
        expect(found(c, c.email.split('@')[0] ?? '')).toBe(true);
        expect(found(c, c.customerNumber)).toBe(true);
        const digits = c.phone.replace(/\D/g, '');
        expect(found(c, digits.slice(-Math.min(n, digits.length)))).toBe(true);
        expect(found(c, digits.split('').join(' '))).toBe(true);
      }),
    );
  });

  it('ranks an exact number, e-mail or phone first, then the first name, other name words, the rest', () => {
    expect(searchRank(anna, 'C-000042')).toBe(0);
    expect(searchRank(anna, 'anna.berg@example.com')).toBe(0);
    expect(searchRank(anna, '+49 30 1234567')).toBe(0);
    expect(searchRank(anna, 'anna mü')).toBe(1);
    expect(searchRank(anna, 'berg')).toBe(2);
    expect(searchRank(anna, 'example')).toBe(3);
    expect(searchRank(anna, 'C-0000')).toBe(3);
    expect(searchRank(anna, 'nobody')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Build } from '../catalog/build.ts';
import type { QuotedPrice } from '../profile/discounts.ts';
import { applyStaffDiscount, approvalCovers, bpToPercent, percentToBp, type QuoteTerms } from './terms.ts';

const build: fc.Arbitrary<Build> = fc.dictionary(
  fc.constantFrom('case', 'cpu', 'memory'),
  fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 2 }), { minKeys: 1, maxKeys: 2 }),
  { maxKeys: 3 },
);
const terms: fc.Arbitrary<QuoteTerms> = fc.record({
  catalogId: fc.constantFrom('pc', 'car'),
  catalogVersion: fc.constantFrom('1.0.0', '1.1.0'),
  selections: build,
  discountBp: fc.integer({ min: 0, max: 10_000 }),
});
const price: fc.Arbitrary<QuotedPrice> = fc
  .array(fc.integer({ min: 0, max: 300_000 }), { minLength: 1, maxLength: 4 })
  .map((amounts) => ({
    currency: 'EUR',
    lines: amounts.map((amountCents, i) => ({
      kind: 'option' as const,
      ref: `o${i}`,
      label: `Option ${i}`,
      quantity: 1,
      amountCents,
    })),
    totalCents: amounts.reduce((sum, a) => sum + a, 0),
  }));

/** The same build with its slots and each slot's options listed in reverse order. */
const reversed = (b: Build): Build =>
  Object.fromEntries(
    Object.entries(b)
      .reverse()
      .map(([slot, options]) => [slot, Object.fromEntries(Object.entries(options).reverse())]),
  );

describe('the staff discount on a quote', () => {
  it('takes the discount off the list total, never below zero, with a discount line exactly when it is above zero', () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 10_000 }), (p, bp) => {
        const d = applyStaffDiscount(p, bp, 'Store discount');
        expect(d.listTotalCents).toBe(p.totalCents);
        expect(d.totalCents).toBe(d.listTotalCents - d.discountCents);
        expect(d.totalCents).toBeGreaterThanOrEqual(0);
        expect(d.discountCents).toBeGreaterThanOrEqual(0);
        const staffLines = d.lines.filter((l) => l.kind === 'discount' && l.ref === 'staff');
        expect(staffLines).toEqual(
          d.discountCents > 0 ? [expect.objectContaining({ amountCents: -d.discountCents })] : [],
        );
        expect(d.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(d.totalCents);
      }),
    );
  });

  it('rounds the discount to the cent in the customer’s favour', () => {
    const p = { currency: 'EUR', totalCents: 999, lines: [] };
    expect(applyStaffDiscount(p, 1250, 'x').discountCents).toBe(125); // 124.875 → 125
  });

  it('keeps percents with two decimals exact as hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(percentToBp(bpToPercent(bp))).toBe(bp);
      }),
    );
  });
});

describe('when an approval covers a revision', () => {
  it('covers its own terms (reflexive), listed in any order', () => {
    fc.assert(
      fc.property(terms, (t) => {
        expect(approvalCovers(t, t)).toBe(true);
        expect(approvalCovers(t, { ...t, selections: reversed(t.selections) })).toBe(true);
      }),
    );
  });

  it('covers a smaller discount on the same terms, never a larger one', () => {
    fc.assert(
      fc.property(terms, fc.integer({ min: 1, max: 500 }), (t, more) => {
        expect(approvalCovers(t, { ...t, discountBp: Math.max(0, t.discountBp - more) })).toBe(true);
        expect(approvalCovers(t, { ...t, discountBp: t.discountBp + more })).toBe(false);
      }),
    );
  });

  it('does not cover another option, another quantity, another version or another catalog', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const changedOption = { ...t.selections, extra: { z: 1 } };
        expect(approvalCovers(t, { ...t, selections: changedOption })).toBe(false);
        const [slot, options] = Object.entries(t.selections)[0] ?? [];
        const [option, quantity] = Object.entries(options ?? {})[0] ?? [];
        if (slot && option && quantity !== undefined) {
          const moreOfIt = { ...t.selections, [slot]: { ...options, [option]: quantity + 1 } };
          expect(approvalCovers(t, { ...t, selections: moreOfIt })).toBe(false);
        }
        expect(approvalCovers(t, { ...t, catalogVersion: `${t.catalogVersion}-next` })).toBe(false);
        expect(approvalCovers(t, { ...t, catalogId: `${t.catalogId}-other` })).toBe(false);
      }),
    );
  });

  it('agrees with itself whatever order either side lists its choices in', () => {
    fc.assert(
      fc.property(terms, terms, (a, b) => {
        const flipped = approvalCovers(
          { ...a, selections: reversed(a.selections) },
          { ...b, selections: reversed(b.selections) },
        );
        expect(flipped).toBe(approvalCovers(a, b));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountAuthority, discountBand } from './authority.ts';

const treatment = (own: number, limit: number) => ({
  label: 'T',
  discountAuthorityPercent: own,
  approvalLimitPercent: limit,
  offers: [],
});

describe('discount authority', () => {
  it('gives sales the tier authority, managers the approval limit, anyone else nothing', () => {
    expect(discountAuthority(treatment(5, 10), 'sales')).toEqual({ ownPercent: 5, limitPercent: 10 });
    expect(discountAuthority(treatment(5, 10), 'store_manager')).toEqual({
      ownPercent: 10,
      limitPercent: 10,
    });
    expect(discountAuthority(treatment(5, 10), 'customer')).toEqual({ ownPercent: 0, limitPercent: 0 });
    expect(discountAuthority(treatment(5, 10), 'catalog')).toEqual({ ownPercent: 0, limitPercent: 0 });
  });

  it('bands grow with the discount: within, then needs approval, then refused, never back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2 }),
        (a, b, percents) => {
          const authority = { ownPercent: Math.min(a, b), limitPercent: Math.max(a, b) };
          const order = { within: 0, 'needs-approval': 1, refused: 2 };
          const bands = [...percents].sort((x, y) => x - y).map((p) => order[discountBand(authority, p)]);
          expect(bands).toEqual([...bands].sort((x, y) => x - y));
          expect(discountBand(authority, 0)).toBe('within');
          expect(discountBand(authority, authority.limitPercent + 0.01)).toBe('refused');
        },
      ),
    );
  });
});

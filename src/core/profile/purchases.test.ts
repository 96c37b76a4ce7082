import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { purchasesByQuarter } from './purchases.ts';

describe('purchasesByQuarter', () => {
  it('sums each quarter and fills quiet quarters with zeros up to now', () => {
    expect(
      purchasesByQuarter(
        [
          { at: '2025-02-10T10:00:00.000Z', revenueCents: 1000 },
          { at: '2025-03-31T23:59:59.000Z', revenueCents: 500 },
          { at: '2025-10-01T00:00:00.000Z', revenueCents: 200 },
        ],
        '2026-01-15T00:00:00.000Z',
      ),
    ).toEqual([
      { quarter: '2025-Q1', start: '2025-01-01', revenueCents: 1500, orders: 2 },
      { quarter: '2025-Q2', start: '2025-04-01', revenueCents: 0, orders: 0 },
      { quarter: '2025-Q3', start: '2025-07-01', revenueCents: 0, orders: 0 },
      { quarter: '2025-Q4', start: '2025-10-01', revenueCents: 200, orders: 1 },
      { quarter: '2026-Q1', start: '2026-01-01', revenueCents: 0, orders: 0 },
    ]);
  });

  it('is empty without orders', () => {
    expect(purchasesByQuarter([], '2026-01-15T00:00:00.000Z')).toEqual([]);
  });

  it('keeps every order and its revenue, in contiguous quarters', () => {
    const date = fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: date, revenueCents: fc.integer({ min: 0, max: 10_000_000 }) })),
        date,
        (raw, now) => {
          const orders = raw.map((o) => ({ at: o.at.toISOString(), revenueCents: o.revenueCents }));
          const series = purchasesByQuarter(orders, now.toISOString());
          expect(series.reduce((s, p) => s + p.orders, 0)).toBe(orders.length);
          expect(series.reduce((s, p) => s + p.revenueCents, 0)).toBe(
            orders.reduce((s, o) => s + o.revenueCents, 0),
          );
          for (let i = 1; i < series.length; i++) {
            const [a, b] = [series[i - 1], series[i]].map((p) => new Date(p?.start ?? ''));
            expect(
              ((b?.getUTCFullYear() ?? 0) - (a?.getUTCFullYear() ?? 0)) * 12 +
                (b?.getUTCMonth() ?? 0) -
                (a?.getUTCMonth() ?? 0),
            ).toBe(3);
          }
        },
      ),
    );
  });
});

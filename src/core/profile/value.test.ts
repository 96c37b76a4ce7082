import { describe, expect, it } from 'vitest';
import { applyCustomerDiscounts, isBirthdayMonth } from './discounts.ts';
import { jaccard, mostSimilar } from './similarity.ts';
import tiersJson from '../../../configs/tiers.json' with { type: 'json' };
import { tiersConfigSchema } from './tiers.schema.ts';
import { classify, customerValue, type OrderFact } from './value.ts';

const config = tiersConfigSchema.parse(tiersJson);
const NOW = '2026-11-20T00:00:00.000Z';
const order = (daysAgo: number, revenue: number, cost: number): OrderFact => ({
  at: new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString(),
  revenueCents: revenue,
  costCents: cost,
});
const none = { web: 0, store: 0, phone: 0 };

describe('customer value', () => {
  it('sums revenue and margin, and takes share of wallet over the window', () => {
    const value = customerValue(
      {
        orders: [order(30, 200_000, 150_000), order(500, 100_000, 80_000)],
        contacts: none,
        estimatedAnnualSpendCents: 400_000,
        now: NOW,
      },
      config,
    );
    expect(value).toMatchObject({
      lifetimeRevenueCents: 300_000,
      lifetimeMarginCents: 70_000,
      revenueInWindowCents: 200_000,
      shareOfWallet: 0.5,
    });
  });

  it('expects fewer purchases the longer a customer is overdue', () => {
    const recent = customerValue(
      { orders: [order(400, 1, 0), order(30, 1, 0)], contacts: none, estimatedAnnualSpendCents: 0, now: NOW },
      config,
    );
    const lapsed = customerValue(
      {
        orders: [order(1400, 1, 0), order(1000, 1, 0)],
        contacts: none,
        estimatedAnnualSpendCents: 0,
        now: NOW,
      },
      config,
    );
    expect(recent.activeProbability).toBe(1);
    expect(lapsed.expectedPurchases).toBeLessThan(recent.expectedPurchases);
    const nothing = customerValue(
      { orders: [], contacts: none, estimatedAnnualSpendCents: 0, now: NOW },
      config,
    );
    expect(nothing).toMatchObject({ expectedPurchases: 0, shareOfWallet: 0, lastOrderAt: null });
  });

  it('classifies MVC, MGC, BZC and normal, with the quadrant’s strategy from the config', () => {
    const mvc = customerValue(
      {
        orders: [order(20, 5_000_000, 3_500_000)],
        contacts: none,
        estimatedAnnualSpendCents: 5_000_000,
        now: NOW,
      },
      config,
    );
    expect(classify(mvc, config)).toMatchObject({
      class: 'mvc',
      quadrant: 'high-large',
      strategy: 'keep close',
    });
    const mgc = customerValue(
      {
        orders: [order(700, 100_000, 80_000)],
        contacts: none,
        estimatedAnnualSpendCents: 2_000_000,
        now: NOW,
      },
      config,
    );
    expect(classify(mgc, config)).toMatchObject({ class: 'mgc', share: 'low' });
    const bzc = customerValue(
      { orders: [], contacts: { web: 0, store: 3, phone: 4 }, estimatedAnnualSpendCents: 50_000, now: NOW },
      config,
    );
    expect(classify(bzc, config)).toMatchObject({
      class: 'bzc',
      quadrant: 'low-small',
      strategy: 'win or let go',
    });
    const normal = customerValue(
      {
        orders: [order(100, 150_000, 120_000)],
        contacts: none,
        estimatedAnnualSpendCents: 200_000,
        now: NOW,
      },
      config,
    );
    expect(classify(normal, config)).toMatchObject({
      class: 'normal',
      treatment: { discountAuthorityPercent: 5 },
    });
  });
});

describe('discounts', () => {
  it('adds one line per offer and for the birthday month, never below zero', () => {
    const price = {
      currency: 'EUR',
      totalCents: 10_001,
      lines: [{ kind: 'base' as const, ref: 'base', label: 'PC', quantity: 1, amountCents: 10_001 }],
    };
    const quoted = applyCustomerDiscounts(price, config.tiers.mvc, true, config);
    expect(quoted.lines.filter((l) => l.kind === 'discount').map((l) => [l.ref, l.amountCents])).toEqual([
      ['offer:loyalty-3', -301],
      ['birthday', -501],
    ]);
    expect(quoted.totalCents).toBe(10_001 - 301 - 501);
    expect(isBirthdayMonth('1990-11-30', NOW)).toBe(true);
    expect(isBirthdayMonth('1990-12-01', NOW)).toBe(false);
    expect(isBirthdayMonth(null, NOW)).toBe(false);
  });
});

describe('similar customers', () => {
  it('ranks by Jaccard similarity, one per customer, skipping oneself', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    const mine = new Set(['a', 'b', 'c']);
    const ranked = mostSimilar(
      mine,
      [
        { customerId: 'me', options: mine, item: 0 },
        { customerId: 'x', options: new Set(['a']), item: 1 },
        { customerId: 'x', options: new Set(['a', 'b', 'c']), item: 2 },
        { customerId: 'y', options: new Set(['a', 'b']), item: 3 },
        { customerId: 'z', options: new Set(['q']), item: 4 },
      ],
      'me',
      3,
    );
    expect(ranked.map((r) => [r.customerId, r.item])).toEqual([
      ['x', 2],
      ['y', 3],
    ]);
  });
});

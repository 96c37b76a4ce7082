import type { Build, CatalogIndex } from '../catalog/build.ts';
import type { CustomerClass, Quadrant, TiersConfig, Treatment } from './tiers.schema.ts';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

export interface OrderFact {
  /** ISO time. */
  at: string;
  revenueCents: number;
  costCents: number;
}

export interface ValueInput {
  orders: readonly OrderFact[];
  /** Staff contacts (store visits, calls) that cost money to serve. */
  contacts: { store: number; phone: number; web: number };
  estimatedAnnualSpendCents: number;
  /** ISO time the value is computed at. */
  now: string;
}

export interface CustomerValue {
  lifetimeRevenueCents: number;
  lifetimeMarginCents: number;
  serviceCostCents: number;
  /** Margin minus the cost of serving the customer's staff contacts. */
  netMarginCents: number;
  /** Revenue of the last `windowDays` ÷ estimated yearly category spend, capped at 1. */
  shareOfWallet: number;
  revenueInWindowCents: number;
  estimatedAnnualSpendCents: number;
  /** Orders per year over the customer's ordering span (at least a year). */
  purchasesPerYear: number;
  /** Probability the customer still buys, from recency against their usual interval. */
  activeProbability: number;
  /** Expected orders in the next 12 months: frequency × activeProbability. */
  expectedPurchases: number;
  /** expectedPurchases × average order value. */
  expectedUpcomingRevenueCents: number;
  lastOrderAt: string | null;
}

/**
 * A customer's value from their orders. Frequency/recency model: orders arrive at the customer's historical rate λ
 * (orders ÷ years since the first order, counting at least one year); the customer is surely active until the time
 * since the last order passes the usual interval 1/λ, after which the chance decays as e^(−λ·overdue).
 * Pure; no orders gives zeros everywhere.
 */
export function customerValue(input: ValueInput, config: TiersConfig): CustomerValue {
  const now = Date.parse(input.now);
  const orders = [...input.orders].sort((a, b) => a.at.localeCompare(b.at));
  const revenue = orders.reduce((s, o) => s + o.revenueCents, 0);
  const margin = orders.reduce((s, o) => s + o.revenueCents - o.costCents, 0);
  const { serviceCostCents: unit } = config;
  const serviceCost =
    input.contacts.store * unit.store + input.contacts.phone * unit.phone + input.contacts.web * unit.web;
  const windowStart = now - config.windowDays * DAY_MS;
  const inWindow = orders
    .filter((o) => Date.parse(o.at) >= windowStart)
    .reduce((s, o) => s + o.revenueCents, 0);
  const spend = input.estimatedAnnualSpendCents;
  const shareOfWallet = spend > 0 ? Math.min(1, inWindow / spend) : inWindow > 0 ? 1 : 0;

  const first = orders[0];
  const last = orders.at(-1);
  let purchasesPerYear = 0;
  let activeProbability = 0;
  if (first && last) {
    const spanYears = Math.max(1, (now - Date.parse(first.at)) / DAY_MS / YEAR_DAYS);
    purchasesPerYear = orders.length / spanYears;
    const sinceLast = Math.max(0, (now - Date.parse(last.at)) / DAY_MS / YEAR_DAYS);
    const overdue = Math.max(0, sinceLast - 1 / purchasesPerYear);
    activeProbability = Math.exp(-purchasesPerYear * overdue);
  }
  const expectedPurchases = purchasesPerYear * activeProbability;
  const averageOrder = orders.length > 0 ? revenue / orders.length : 0;
  return {
    lifetimeRevenueCents: revenue,
    lifetimeMarginCents: margin,
    serviceCostCents: serviceCost,
    netMarginCents: margin - serviceCost,
    shareOfWallet,
    revenueInWindowCents: inWindow,
    estimatedAnnualSpendCents: spend,
    purchasesPerYear,
    activeProbability,
    expectedPurchases,
    expectedUpcomingRevenueCents: Math.round(expectedPurchases * averageOrder),
    lastOrderAt: last?.at ?? null,
  };
}

export interface Classification {
  class: CustomerClass;
  quadrant: Quadrant;
  share: 'high' | 'low';
  upcoming: 'large' | 'small';
  strategy: string;
  treatment: Treatment;
  /** Why, in words, for staff. */
  reasons: string[];
}

/**
 * MVC / MGC / BZC / normal, and the share × upcoming-volume quadrant with its strategy, by the thresholds of
 * configs/tiers.json. Order: below zero first (losing money and nothing coming), then most valuable, then most
 * growable; anyone else is normal.
 */
export function classify(value: CustomerValue, config: TiersConfig): Classification {
  const { classification: c, quadrant: q } = config;
  const growth = value.estimatedAnnualSpendCents - value.revenueInWindowCents;
  const share = value.shareOfWallet >= q.highShareOfWallet ? 'high' : 'low';
  const upcoming = value.expectedUpcomingRevenueCents >= q.largeUpcomingCents ? 'large' : 'small';
  const reasons: string[] = [];
  let cls: CustomerClass = 'normal';
  if (value.netMarginCents < c.bzc.maxNetMarginCents && upcoming === 'small') {
    cls = 'bzc';
    reasons.push(
      `net margin ${value.netMarginCents / 100} below ${c.bzc.maxNetMarginCents / 100}, little expected`,
    );
  } else if (value.netMarginCents >= c.mvc.minNetMarginCents) {
    cls = 'mvc';
    reasons.push(`net margin ${value.netMarginCents / 100} ≥ ${c.mvc.minNetMarginCents / 100}`);
  } else if (value.shareOfWallet <= c.mgc.maxShareOfWallet && growth >= c.mgc.minGrowthCents) {
    cls = 'mgc';
    reasons.push(
      `share of wallet ${Math.round(value.shareOfWallet * 100)}% with ${Math.round(growth / 100)} a year untapped`,
    );
  }
  reasons.push(
    `share of wallet ${Math.round(value.shareOfWallet * 100)}% (${share}), ` +
      `expected upcoming ${Math.round(value.expectedUpcomingRevenueCents / 100)} (${upcoming})`,
  );
  const quadrant: Quadrant = `${share}-${upcoming}`;
  return {
    class: cls,
    quadrant,
    share,
    upcoming,
    strategy: q.strategies[quadrant],
    treatment: config.tiers[cls],
    reasons,
  };
}

/** What the company paid for a build's options, in cents (an option without `cost` counts 0). */
export function buildCostCents(index: CatalogIndex, build: Build): number {
  let cost = 0;
  for (const [slotId, options] of Object.entries(build))
    for (const [optionId, qty] of Object.entries(options)) {
      const found = index.option.get(optionId);
      if (found && found.slot.id === slotId) cost += Math.round((found.option.cost ?? 0) * 100) * qty;
    }
  return cost;
}

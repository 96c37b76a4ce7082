import type { Price, PriceLine } from '../pricing/price.ts';
import type { TiersConfig, Treatment } from './tiers.schema.ts';

/** A price line of the catalog's price, or a customer discount the server added. */
export interface QuotedLine extends Omit<PriceLine, 'kind'> {
  kind: PriceLine['kind'] | 'discount';
}

export interface QuotedPrice {
  currency: string;
  totalCents: number;
  lines: QuotedLine[];
}

/** Whether `now` (ISO) falls in the month of `birthday` (YYYY-MM-DD), in UTC. */
export function isBirthdayMonth(birthday: string | null, now: string): boolean {
  return birthday !== null && birthday.slice(5, 7) === now.slice(5, 7);
}

/**
 * The customer's price: the catalog price, then one discount line per tier offer and one for the birthday month,
 * each a percentage of the catalog total, rounded to the cent (towards the customer). The total never goes below 0.
 */
export function applyCustomerDiscounts(
  price: Price,
  treatment: Treatment,
  birthdayMonth: boolean,
  config: TiersConfig,
): QuotedPrice {
  const lines: QuotedLine[] = [...price.lines];
  const base = price.totalCents;
  const discount = (ref: string, label: string, percent: number) => {
    const amount = Math.ceil((base * percent) / 100);
    if (amount > 0) lines.push({ kind: 'discount', ref, label, quantity: 1, amountCents: -amount });
  };
  for (const offer of treatment.offers) discount(`offer:${offer.id}`, offer.label, offer.percent);
  if (birthdayMonth) discount('birthday', config.birthday.label, config.birthday.percent);
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  return { currency: price.currency, totalCents: Math.max(0, total), lines };
}

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

/** A customer's birthday and where it came from (issue 19 §4). */
export interface BirthdayRecord {
  /** `YYYY-MM-DD`. */
  birthday: string | null;
  /** ISO time it was given; null when unknown. */
  setAt: string | null;
  /** ISO time staff confirmed it in the store; null when not. */
  confirmedAt: string | null;
}

/**
 * Whether the birthday discount applies at `now`: it is the birthday month, and the birthday was given before that
 * month began or confirmed by staff in the store. A birthday typed at sign-up (or changed) this month is a discount
 * next year, not today: otherwise anyone could claim one by signing up with today's date.
 * @pre `now` and the record's times are ISO 8601 in UTC.
 */
export function hasBirthdayDiscount(record: BirthdayRecord, now: string): boolean {
  if (!isBirthdayMonth(record.birthday, now)) return false;
  if (record.confirmedAt !== null) return true;
  const monthBegan = `${now.slice(0, 7)}-01T00:00:00.000Z`;
  return record.setAt !== null && record.setAt < monthBegan;
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

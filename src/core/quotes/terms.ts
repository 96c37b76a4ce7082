import type { Build as BuildSelections } from '../catalog/build.ts';
import type { QuotedLine, QuotedPrice } from '../profile/discounts.ts';

/** What a quote promises, and what an approval approves: this build at this catalog version with this discount. */
export interface QuoteTerms {
  catalogId: string;
  catalogVersion: string;
  selections: BuildSelections;
  /** Staff discount in hundredths of a percent (1250 = 12.5 %), exact where a float percent is not. */
  discountBp: number;
}

export const percentToBp = (percent: number): number => Math.round(percent * 100);
export const bpToPercent = (bp: number): number => bp / 100;

/** A quote's price: the customer's price, then the staff discount as its own line. */
export interface DiscountedPrice extends QuotedPrice {
  listTotalCents: number;
  discountCents: number;
}

/**
 * The staff discount on top of the customer's own price (tier offers, birthday): a percentage of that price,
 * rounded to the cent towards the customer, never below zero, shown as one 'discount' line so the quote explains it.
 */
export function applyStaffDiscount(price: QuotedPrice, discountBp: number, label: string): DiscountedPrice {
  const listTotalCents = price.totalCents;
  const discountCents = Math.min(listTotalCents, Math.ceil((listTotalCents * discountBp) / 10_000));
  const lines: QuotedLine[] =
    discountCents > 0
      ? [...price.lines, { kind: 'discount', ref: 'staff', label, quantity: 1, amountCents: -discountCents }]
      : [...price.lines];
  return {
    currency: price.currency,
    lines,
    listTotalCents,
    discountCents,
    totalCents: listTotalCents - discountCents,
  };
}

/** The same choices, whatever the order their slots and options were listed in. */
export function sameSelections(a: BuildSelections, b: BuildSelections): boolean {
  const entries = (s: BuildSelections) =>
    Object.entries(s)
      .filter(([, options]) => Object.keys(options).length > 0)
      .map(
        ([slot, options]) => [slot, Object.entries(options).sort(([x], [y]) => x.localeCompare(y))] as const,
      )
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(entries(a)) === JSON.stringify(entries(b));
}

/**
 * Whether an approval of `approved` also covers `proposed`: the same build at the same catalog version with at most
 * the approved discount. A revision whose approved terms did not change needs no second approval; any other change
 * (another option, another version, a larger discount) does.
 */
export function approvalCovers(approved: QuoteTerms, proposed: QuoteTerms): boolean {
  return (
    approved.catalogId === proposed.catalogId &&
    approved.catalogVersion === proposed.catalogVersion &&
    proposed.discountBp <= approved.discountBp &&
    sameSelections(approved.selections, proposed.selections)
  );
}

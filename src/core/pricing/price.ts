import type { Build, CatalogIndex } from '../catalog/build.ts';
import { chosenOptions, conditionHolds } from '../catalog/evaluate.ts';

export interface PriceLine {
  kind: 'base' | 'option' | 'included' | 'rule';
  /** option id, price rule id, or 'base'. */
  ref: string;
  label: string;
  quantity: number;
  /** Integer cents; prices are summed in cents so totals never drift. */
  amountCents: number;
}

export interface Price {
  currency: string;
  totalCents: number;
  lines: PriceLine[];
}

export const toCents = (amount: number): number => Math.round(amount * 100);

/**
 * The price of a build: base price, each chosen option × quantity, options included by a chosen package at zero
 * (one unit each), then every price rule whose conditions all hold. Pure and deterministic: the server recomputes
 * it for every quote and order; the browser only displays it.
 */
export function priceBuild(index: CatalogIndex, build: Build): Price {
  const { catalog } = index;
  const lines: PriceLine[] = [
    { kind: 'base', ref: 'base', label: catalog.name, quantity: 1, amountCents: toCents(catalog.basePrice) },
  ];
  const included = new Set<string>();
  for (const pkg of catalog.packages)
    if (conditionHolds(index, build, pkg.option)) for (const inc of pkg.includes) included.add(inc.option);

  for (const slot of catalog.slots)
    for (const { option, qty } of chosenOptions(index, build, slot.id)) {
      const free = included.has(option.id) ? 1 : 0;
      if (free)
        lines.push({ kind: 'included', ref: option.id, label: option.name, quantity: 1, amountCents: 0 });
      if (qty - free > 0)
        lines.push({
          kind: 'option',
          ref: option.id,
          label: option.name,
          quantity: qty - free,
          amountCents: toCents(option.price) * (qty - free),
        });
    }
  for (const rule of catalog.priceRules)
    if (rule.when.every((c) => conditionHolds(index, build, c)))
      lines.push({
        kind: 'rule',
        ref: rule.id,
        label: rule.label,
        quantity: 1,
        amountCents: toCents(rule.amount),
      });

  return { currency: catalog.currency, totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0), lines };
}

import type { CatalogIndex } from '../catalog/build.ts';
import { toCents } from '../pricing/price.ts';
import type { Literal } from './model-builder.ts';
import type { RuleContext } from './rules/context.ts';

/**
 * Packages force their contents (a table per included option, origin `package:<id>`) and price one unit of each
 * at zero: an option any chosen package includes gets a 0/1 "some package" variable whose 1 refunds its price.
 */
export function compilePackages(ctx: RuleContext, index: CatalogIndex): void {
  const { b } = ctx;
  const freeUnits = new Map<string, Literal[]>();
  for (const pkg of index.catalog.packages) {
    const origin = `package:${pkg.id}`;
    const chosen = ctx.literal(pkg.option, origin);
    for (const inc of pkg.includes) {
      ctx.logic(
        origin,
        `${index.option.get(pkg.option.option)?.option.name ?? pkg.id} includes ${index.option.get(inc.option)?.option.name ?? inc.option}`,
        [chosen, ctx.literal(inc, origin)],
        ([p, i]) => !p || !!i,
      );
      freeUnits.set(inc.option, [...(freeUnits.get(inc.option) ?? []), chosen]);
    }
  }
  for (const [optionId, packages] of freeUnits) {
    const anyPackage = b.or(packages, `free:${optionId}`, `price:${optionId}`);
    const refund = -toCents(index.option.get(optionId)?.option.price ?? 0);
    for (const value of anyPackage.accept) b.addCost(anyPackage.variable, value, refund);
  }
}

/**
 * Each price rule gets a 0/1 flag defined as "every condition holds" (origin `price:<id>`), costing its amount
 * when 1, so that the price stays a sum of per-value costs and cheapest completion a shortest path.
 */
export function compilePriceRules(ctx: RuleContext, index: CatalogIndex): void {
  const { b } = ctx;
  for (const pr of index.catalog.priceRules) {
    const literals = pr.when.map((c) => ctx.literal(c, `price:${pr.id}`));
    const flag = b.aux('price', ['0', '1']);
    const scope = [...new Set(literals.map((l) => l.variable)), flag];
    b.enumerate(
      `price:${pr.id}`,
      pr.label,
      scope,
      (values) => {
        const all = literals.every((l) => l.accept.has(values[scope.indexOf(l.variable)] ?? -1));
        return values[values.length - 1] === (all ? 1 : 0);
      },
      true,
    );
    b.addCost(flag, 1, toCents(pr.amount));
  }
}

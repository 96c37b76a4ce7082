import type { Catalog } from '../catalog/schema.ts';
import { indexCatalog, quantityBounds, type CatalogIndex } from '../catalog/build.ts';
import { toCents } from '../pricing/price.ts';
import type { Model } from '../engine/model.ts';
import { ModelBuilder } from './model-builder.ts';
import { compilePackages, compilePriceRules } from './packages.ts';
import { ruleContext, type RuleContext } from './rules/context.ts';
import { compileRule } from './rules/registry.ts';
import { diagramOrder, slotSequence } from './slot-order.ts';
import { compileSlots, type SlotVariables } from './slot-variables.ts';

// Re-exported so that compiling a catalog keeps one entry point for its callers (configurator, CLIs, bench).
export { CatalogCompileError } from './model-builder.ts';
export { NONE, type SlotVariables } from './slot-variables.ts';

/**
 * Compiles a catalog into the engine's constraint model (finite domains + positive tables).
 *
 * Variables: a single or optional slot is one variable over its option ids (optional adds NONE); a single
 * slot with a quantity adds `slot#qty`; a multi slot is one quantity variable per option, `slot/option` over
 * "0".."maxQuantity" (slot-variables.ts). Everything else is auxiliary (names start with `~`) and functionally
 * determined by those, so solution counts are counts of builds:
 * - sums (resources, multi-slot totals) are chains of running totals, each link a small table, whose values are
 *   classes of totals that the rest of the sum cannot tell apart (running-total.ts);
 * - a condition on a multi slot ("some chosen option matches") is a chain of partial ORs (rules/literals.ts);
 * - price rules and package discounts get a 0/1 variable each, so that the price is a sum of per-value costs
 *   (`costs`), which makes cheapest completion a shortest path (packages.ts).
 * Each rule kind has its compiler in rules/ (rules/registry.ts). Rule semantics are exactly those of
 * core/catalog/evaluate.ts; the tests compare both on every build.
 */

export interface CatalogModel {
  catalog: Catalog;
  index: CatalogIndex;
  model: Model;
  slots: SlotVariables[];
  /** Variables a user sets (slot choices and quantities), in slot order. */
  userVariables: number[];
  /** Per variable, the price in cents each value adds; the build's price is `baseCents` + the sum over variables. */
  costs: ReadonlyMap<number, Float64Array>;
  baseCents: number;
  /** Constraint id → the catalog rule (or `package:<id>`, `slot:<id>`, `price:<id>`) it comes from. */
  origin: ReadonlyMap<string, string>;
  /**
   * Ids of the constraints that only define an auxiliary variable (their last) as a function of the others: running
   * totals, partial ORs, quantity lines, price flags. They hold for every build; the rules are the others.
   */
  definitions: ReadonlySet<string>;
  /** A good diagram variable order (position → variable) for the engine's compiler. */
  order: number[];
}

/** Each multi slot's total quantity within its bounds (skipped when the options' maxima cannot break them). */
function compileSlotTotals(ctx: RuleContext, slots: readonly SlotVariables[]): void {
  for (const vars of slots) {
    if (vars.kind !== 'multi') continue;
    const { min, max } = quantityBounds(vars.slot);
    const all = vars.slot.options.reduce((s, o) => s + o.maxQuantity, 0);
    if (min <= 0 && max >= all) continue;
    const terms = vars.slot.options.map((o) => ({
      vars: [vars.options.get(o.id) ?? -1],
      weight: ([q]: readonly number[]) => q ?? 0,
    }));
    const text = `${vars.slot.name}: ${min}–${max} in all`;
    ctx.checkTotal(`slot:${vars.slot.id}`, text, terms, (total) => total >= min && total <= max, 0);
  }
}

/** A catalog's model under construction, with the context its rule compilers share. */
export interface ModelInProgress {
  catalog: Catalog;
  index: CatalogIndex;
  b: ModelBuilder;
  slots: SlotVariables[];
  userVariables: number[];
  ctx: RuleContext;
}

/**
 * The model before any rule: the slots' variables (ranked by `sequence`, by default {@link slotSequence}) and
 * their quantity totals. Rules, packages and price rules are added through `ctx`; {@link finishModel} closes it.
 */
export function startModel(
  catalog: Catalog,
  options: { sequence?: readonly string[] } = {},
): ModelInProgress {
  const index = indexCatalog(catalog);
  const b = new ModelBuilder();
  const { slots, userVariables } = compileSlots(b, catalog, options.sequence ?? slotSequence(catalog));
  const ctx = ruleContext(b, index, slots);
  compileSlotTotals(ctx, slots);
  return { catalog, index, b, slots, userVariables, ctx };
}

/** The finished model, with its diagram order. Pre: nothing more is added to `m.b`. */
export function finishModel(m: ModelInProgress): CatalogModel {
  const { b } = m;
  const model: Model = { variables: b.variables, constraints: b.constraints };
  return {
    catalog: m.catalog,
    index: m.index,
    model,
    slots: m.slots,
    userVariables: m.userVariables,
    costs: b.costs,
    baseCents: toCents(m.catalog.basePrice),
    origin: b.origin,
    definitions: b.definitions,
    order: diagramOrder(model, b.rank),
  };
}

/**
 * Compiles a checked catalog: slot variables, then their quantity totals, each rule through its kind's compiler,
 * packages, price rules. Tables are added in that order, which their ids record; the model must not change for a
 * given catalog (the compiled form's bytes carry its fingerprint).
 * @throws CatalogCompileError when a rule is too large to tabulate.
 */
export function compileCatalog(
  catalog: Catalog,
  options: { sequence?: readonly string[] } = {},
): CatalogModel {
  const m = startModel(catalog, options);
  for (const rule of catalog.rules) compileRule(rule, m.ctx);
  compilePackages(m.ctx, m.index);
  compilePriceRules(m.ctx, m.index);
  return finishModel(m);
}

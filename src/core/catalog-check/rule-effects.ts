import { compileModel } from '../engine/compile.ts';
import { exactCount } from '../engine/count.ts';
import type { Model } from '../engine/model.ts';

/** A rule as the model holds it: one or more constraints (a catalog rule may become a chain of tables). */
export interface RuleUnit {
  readonly id: string;
  readonly constraints: readonly number[];
}

/** The number of valid builds of the model restricted to some of its constraints. */
function countWith(model: Model, constraints: readonly number[], order: readonly number[]): bigint {
  const sub: Model = {
    variables: model.variables,
    constraints: constraints.map((c) => model.constraints[c] as Model['constraints'][number]),
  };
  return exactCount(compileModel(sub, { order }));
}

export interface AloneEffect {
  readonly neverHolds: boolean;
  readonly alwaysHolds: boolean;
}

/**
 * Each rule alone against the slot domains: `base` (constraints every build meets anyway: slot quantity bounds,
 * definitions of auxiliary variables) plus the rule. Never holds: no such build satisfies it; always holds: every one
 * does. Pre: `order` is a variable order of the model. Post: one entry per unit, in order. One compile per rule of
 * its own small tables (a table's diagram only grows with its scope).
 */
export function aloneEffects(
  model: Model,
  units: readonly RuleUnit[],
  base: readonly number[],
  order: readonly number[],
): AloneEffect[] {
  const space = countWith(model, base, order);
  return units.map((u) => {
    const n = countWith(model, [...base, ...u.constraints], order);
    return { neverHolds: n === 0n && space > 0n, alwaysHolds: n === space };
  });
}

export interface Redundancy {
  /** Rules whose removal leaves the set of valid builds unchanged. */
  readonly redundant: readonly string[];
  /** Rules not tested because the time budget ran out. */
  readonly unchecked: readonly string[];
}

/**
 * Redundant rules: removing one (alone) leaves the valid builds as they are. Removing constraints only adds builds,
 * so equal counts mean equal sets. Each test recompiles the model without the rule, in the full diagram's order;
 * `budgetMs` bounds the total (checked between compiles), and the rules left over are reported unchecked.
 * Pre: `total` is the model's exact count; the units' constraints are disjoint. Post: redundant ∪ unchecked ⊆ units.
 */
export function redundantRules(
  model: Model,
  units: readonly RuleUnit[],
  total: bigint,
  order: readonly number[],
  budgetMs: number,
): Redundancy {
  const deadline = performance.now() + budgetMs;
  const redundant: string[] = [];
  const unchecked: string[] = [];
  for (const u of units) {
    if (performance.now() > deadline) {
      unchecked.push(u.id);
      continue;
    }
    const drop = new Set(u.constraints);
    const rest = model.constraints.flatMap((_, c) => (drop.has(c) ? [] : [c]));
    if (countWith(model, rest, order) === total) redundant.push(u.id);
  }
  return { redundant, unchecked };
}

import { compileModel } from '../engine/compile.ts';
import { exactCount } from '../engine/count.ts';
import type { Model } from '../engine/model.ts';
import { satisfiable } from '../engine/satisfiable.ts';
import { allImpliedBy } from './implied.ts';

/** A rule as the model holds it: one or more constraints (a catalog rule may become a chain of tables). */
export interface RuleUnit {
  readonly id: string;
  readonly constraints: readonly number[];
}

/** Default time for one rule's searches before its test falls back to compiling. */
export const SEARCH_MS = 250;

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
 * does (both false when `base` alone has no build); `searchMs` 0 compiles every test. Pre: `order` is a variable order of the model. Post: one entry
 * per unit, in order. Each test is a search (a solution of base and rule; a forbidden row of the rule extending to a
 * solution of base); a search that runs past its time is settled by compiling base and rule instead.
 */
export function aloneEffects(
  model: Model,
  units: readonly RuleUnit[],
  base: readonly number[],
  order: readonly number[],
  searchMs = SEARCH_MS,
): AloneEffect[] {
  let space: bigint | undefined;
  const baseCount = () => (space ??= countWith(model, base, order));
  const baseSolvable = satisfiable(model, base, new Map());
  if (baseSolvable === false) return units.map(() => ({ neverHolds: false, alwaysHolds: false }));
  return units.map((u) => {
    const deadline = performance.now() + searchMs;
    // searchMs 0: compile only (the tests compare both ways).
    const some =
      searchMs > 0 ? satisfiable(model, [...base, ...u.constraints], new Map(), deadline) : undefined;
    const all =
      some === false ? false : searchMs > 0 ? allImpliedBy(model, base, u.constraints, deadline) : undefined;
    if (some !== undefined && all !== undefined) return { neverHolds: !some, alwaysHolds: all };
    const n = countWith(model, [...base, ...u.constraints], order);
    return { neverHolds: n === 0n, alwaysHolds: n === baseCount() };
  });
}

export interface Redundancy {
  /** Rules whose removal leaves the set of valid builds unchanged. */
  readonly redundant: readonly string[];
  /** Rules not tested because the time budget ran out. */
  readonly unchecked: readonly string[];
}

/**
 * Redundant rules: removing one (alone) leaves the valid builds as they are, i.e. the other constraints imply each
 * of its constraints. Tested by search (no combination the rule forbids extends to a solution of the others); a
 * search past its time falls back to recompiling the model without the rule, in the full diagram's order, and
 * comparing exact counts (removing constraints only adds builds, so equal counts mean equal sets). `budgetMs` bounds
 * the total (checked between rules); the rules left over are reported unchecked.
 * Pre: `total` is the model's exact count; the units' constraints are disjoint. Post: redundant ∪ unchecked ⊆ units.
 */
export function redundantRules(
  model: Model,
  units: readonly RuleUnit[],
  total: bigint,
  order: readonly number[],
  budgetMs: number,
  searchMs = SEARCH_MS,
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
    const searched =
      searchMs > 0
        ? allImpliedBy(model, rest, u.constraints, Math.min(deadline, performance.now() + searchMs))
        : undefined;
    const isRedundant = searched ?? countWith(model, rest, order) === total;
    if (isRedundant) redundant.push(u.id);
  }
  return { redundant, unchecked };
}

/**
 * A minimal set of rules that together leave no build: deletion over the rules (Junker's linear QuickXplain), each
 * test a search over `base` and the rules kept, settled by compiling when the search passes its time.
 * Pre: `base` with every unit has no solution, `base` alone has one. Post: ids of a subset with no solution (with
 * `base`) such that dropping any one of them leaves a solution.
 */
export function minimalConflict(
  model: Model,
  units: readonly RuleUnit[],
  base: readonly number[],
  order: readonly number[],
  searchMs = SEARCH_MS,
): string[] {
  const solvable = (kept: readonly RuleUnit[]) => {
    const constraints = [...base, ...kept.flatMap((u) => u.constraints)];
    const searched =
      searchMs > 0 ? satisfiable(model, constraints, new Map(), performance.now() + searchMs) : undefined;
    return searched ?? countWith(model, constraints, order) > 0n;
  };
  let kept = [...units];
  for (const u of units) {
    const without = kept.filter((k) => k !== u);
    if (!solvable(without)) kept = without;
  }
  return kept.map((u) => u.id);
}

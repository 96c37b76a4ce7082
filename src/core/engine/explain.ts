/**
 * Explanations: minimal sets of the user's choices that exclude a value, and the rules that do it.
 *
 * Choices: deletion-based minimisation (the linear variant of Junker's QuickXplain, AAAI 2004), each test one
 * consistency pass over the diagram, so the result is exact and subset-minimal: dropping any one of the returned
 * choices makes the value available again. Rules: QuickXplain proper over the rules (a rule being one or more
 * constraints, see {@link ExplainOptions.rules}) that arc-consistency propagation uses to refute the minimal choices,
 * or over every rule when propagation alone cannot refute them (sums split into running totals are the usual case).
 * Each test is exact: propagation first, then, when it finds no conflict, a search (satisfiable.ts) over the rules
 * tested; so dropping any one rule of the result lifts the refutation. Past the time budget, `rulesMinimal` is false.
 */
import { choicesByLevel, isConsistent, type Diagram } from './diagram.ts';
import type { Assignment, Model } from './model.ts';
import { gacConflict } from './propagate.ts';
import { satisfiable } from './satisfiable.ts';

export interface Explanation {
  /** A subset-minimal set of the choices (variable, value) that, together, exclude the value. Empty if it is dead. */
  readonly choices: ReadonlyArray<readonly [number, number]>;
  /** The rules involved (see {@link ExplainOptions.rules}; by default indices into `model.constraints`), ascending. */
  readonly rules: readonly number[];
  /** Whether the rules are exactly minimal: together they exclude the value, without any one of them they do not. */
  readonly rulesMinimal: boolean;
}

export interface ExplainOptions {
  /** Time for minimising the rules, in milliseconds (default 50). */
  readonly budgetMs?: number;
  /**
   * Constraint index → rule number, for models where one rule of the source became several constraints. An
   * explanation names rule numbers. -1 marks a definition: a table that gives its last scope variable as a function
   * of the others (a running total of a sum, a partial OR), taken in whenever that variable is in play and never
   * named. Default: every constraint is a rule of its own, numbered by its index.
   */
  readonly rules?: ArrayLike<number>;
}

function consistent(d: Diagram, a: ReadonlyMap<number, number>): boolean {
  return isConsistent(d, choicesByLevel(d, a));
}

/**
 * A subset-minimal conflicting subset of an inconsistent assignment.
 * Pre: the assignment has no valid completion. Post: a subset C (in the assignment's order) with no valid completion
 * such that C minus any one choice has one. `keep` choices are assumed and never returned nor dropped.
 * Cost: |assignment| consistency passes.
 */
export function minimalConflict(
  d: Diagram,
  assignment: Assignment,
  keep: Assignment = new Map(),
): Array<[number, number]> {
  const current = new Map(assignment);
  for (const x of keep.keys()) current.delete(x);
  const test = new Map([...keep, ...current]);
  for (const [x, v] of [...current]) {
    test.delete(x);
    if (consistent(d, test)) test.set(x, v);
    else current.delete(x);
  }
  return [...current];
}

/** The constraints of each rule, and the definition of each defined variable. */
interface Rules {
  readonly ruleOf: (c: number) => number;
  readonly members: ReadonlyMap<number, readonly number[]>;
  readonly definitionOf: ReadonlyMap<number, number>;
}

function rulesOfModel(model: Model, rules: ArrayLike<number> | undefined): Rules {
  const ruleOf = rules ? (c: number) => rules[c] ?? -1 : (c: number) => c;
  const members = new Map<number, number[]>();
  const definitionOf = new Map<number, number>();
  model.constraints.forEach((c, i) => {
    const r = ruleOf(i);
    const defined = c.scope[c.scope.length - 1];
    if (r >= 0) members.set(r, [...(members.get(r) ?? []), i]);
    else if (defined !== undefined) definitionOf.set(defined, i);
  });
  return { ruleOf, members, definitionOf };
}

/** The constraints of some rules, with the definitions of every defined variable in play (theirs or fixed). */
function constraintsOf(
  model: Model,
  g: Rules,
  rules: readonly number[],
  fixed: ReadonlyMap<number, number>,
): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const pending = [...fixed.keys()];
  for (const r of rules)
    for (const c of g.members.get(r) ?? []) {
      out.push(c);
      pending.push(...(model.constraints[c]?.scope ?? []));
    }
  while (pending.length > 0) {
    const x = pending.pop() as number;
    if (seen.has(x)) continue;
    seen.add(x);
    const definition = g.definitionOf.get(x);
    if (definition === undefined) continue;
    out.push(definition);
    pending.push(...(model.constraints[definition]?.scope ?? []));
  }
  return out;
}

const outOfTime = new Error('explanation budget spent');

function rulesFor(
  d: Diagram,
  fixed: Map<number, number>,
  options: ExplainOptions,
): { rules: number[]; minimal: boolean } {
  const model = d.model;
  const deadline = performance.now() + (options.budgetMs ?? 50);
  const g = rulesOfModel(model, options.rules);
  const every = [...g.members.keys()].sort((a, b) => a - b);
  /** Exact: propagation refutes most conflicting subsets at once; a search settles the rest. */
  const conflicting = (rules: readonly number[]): boolean => {
    const subset = constraintsOf(model, g, rules, fixed);
    if (gacConflict(model, subset, fixed, deadline) !== null) return true;
    const found = satisfiable(model, subset, fixed, deadline);
    if (found === undefined) throw outOfTime;
    return !found;
  };
  // QuickXplain: fewer, smaller tests than deleting one by one. Pre: background + candidates conflict.
  const qx = (background: number[], added: boolean, candidates: number[]): number[] => {
    if (added && conflicting(background)) return [];
    if (candidates.length === 1) return candidates;
    const half = candidates.length >> 1;
    const first = candidates.slice(0, half);
    const second = qx([...background, ...first], true, candidates.slice(half));
    return [...qx([...background, ...second], second.length > 0, first), ...second];
  };
  // Candidates: the rules of a refutation by propagation, looked for first among the rules on the fixed variables
  // (a conflict is usually local, and a local refutation names few rules), then among all; every rule otherwise.
  const local = every.filter((r) =>
    (g.members.get(r) ?? []).some((c) => model.constraints[c]?.scope.some((x) => fixed.has(x))),
  );
  const refutation =
    gacConflict(model, constraintsOf(model, g, local, fixed), fixed) ??
    gacConflict(
      model,
      model.constraints.map((_, i) => i),
      fixed,
    );
  let candidates = refutation ? [...new Set(refutation.map(g.ruleOf).filter((r) => r >= 0))] : every;
  try {
    if (refutation && !conflicting(candidates)) candidates = every;
    // The empty set is tested too: a value of a defined variable can be excluded by definitions alone.
    const rules = candidates.length > 0 ? qx([], true, candidates) : [];
    return { rules: rules.sort((a, b) => a - b), minimal: true };
  } catch (e) {
    if (e !== outOfTime) throw e;
    return { rules: [...candidates].sort((a, b) => a - b), minimal: false };
  }
}

/**
 * A minimal set of rules that, with the fixed values, admits no valid build.
 * Pre: `fixed` has no valid completion in `d`. Post: as {@link Explanation.rules} and `rulesMinimal`.
 */
export function minimalRules(
  d: Diagram,
  fixed: ReadonlyMap<number, number>,
  options: ExplainOptions = {},
): { rules: number[]; rulesMinimal: boolean } {
  const { rules, minimal } = rulesFor(d, new Map(fixed), options);
  return { rules, rulesMinimal: minimal };
}

/**
 * Why value `v` of variable `x` is unavailable under an assignment.
 * Pre: indices valid for `d.model`; the assignment without x is consistent (it is the user's current build).
 * Post: `null` if x=v is available (some valid build extends the assignment without x's own choice, with x=v);
 * otherwise a subset-minimal set of choices (never x's own) that excludes x=v, and a minimal set of rules that
 * excludes it with them (see {@link Explanation.rulesMinimal}).
 */
export function explain(
  d: Diagram,
  assignment: Assignment,
  x: number,
  v: number,
  options: ExplainOptions = {},
): Explanation | null {
  const others = new Map(assignment);
  others.delete(x);
  const target = new Map([[x, v]]);
  if (consistent(d, new Map([...others, [x, v]]))) return null;
  const choices = minimalConflict(d, others, target);
  const { rules, minimal } = rulesFor(d, new Map([...choices, [x, v]]), options);
  return { choices, rules, rulesMinimal: minimal };
}

/**
 * Why an assignment has no valid completion: a subset-minimal conflicting set of its choices and the rules involved.
 * Pre: the assignment is inconsistent. Post: as {@link explain}, with `choices` non-empty unless the model has no
 * valid build at all.
 */
export function explainConflict(
  d: Diagram,
  assignment: Assignment,
  options: ExplainOptions = {},
): Explanation {
  const choices = minimalConflict(d, assignment);
  const { rules, minimal } = rulesFor(d, new Map(choices), options);
  return { choices, rules, rulesMinimal: minimal };
}

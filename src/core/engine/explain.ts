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
 *
 * Only two questions are put to the compiled form — is an assignment consistent, and one valid build extending it —
 * so the same code explains on the MDD and on the d-DNNF (`explainWith` with the form's {@link FormOracle}).
 */
import { diagramOracle, minimalConflictWith, type FormOracle } from './conflict.ts';
import type { Diagram } from './diagram.ts';
import { satisfies, WILDCARD, type Assignment, type Model } from './model.ts';
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

/**
 * The rules a witness build breaks: a valid build keeping every fixed value but the last (the value explained, whose
 * removal makes the fixed values consistent), with the last set and the definitions recomputed. A set of rules none
 * of which the witness breaks is consistent without a search; most of QuickXplain's tests are such sets.
 * Undefined when there is no such build.
 */
function brokenByWitness(
  f: FormOracle,
  g: Rules,
  fixed: ReadonlyMap<number, number>,
): Set<number> | undefined {
  const entries = [...fixed];
  const last = entries.at(-1);
  if (!last) return undefined;
  const found = f.witness(new Map(entries.slice(0, -1)));
  if (!found) return undefined;
  const w = Array.from(found);
  w[last[0]] = last[1];
  const { constraints } = f.model;
  const definitions = [...g.definitionOf.values()].sort((a, b) => a - b);
  // Each definition gives its variable from the others; chains may need a pass per link.
  for (let pass = 0, changed = true; changed && pass <= definitions.length; pass++) {
    changed = false;
    for (const ci of definitions) {
      const c = constraints[ci];
      const defined = c?.scope[c.scope.length - 1];
      if (!c || defined === undefined || fixed.has(defined)) continue;
      const arity = c.scope.length;
      for (let r = 0; r < c.rows.length; r += arity) {
        let match = true;
        for (let j = 0; j < arity - 1 && match; j++) {
          const want = c.rows[r + j] as number;
          match = want === WILDCARD || want === w[c.scope[j] as number];
        }
        const value = c.rows[r + arity - 1] as number;
        if (!match || value === WILDCARD) continue;
        if (w[defined] !== value) {
          w[defined] = value;
          changed = true;
        }
        break;
      }
    }
  }
  if (definitions.some((ci) => !satisfies(constraints[ci] as Model['constraints'][number], w)))
    return undefined;
  const broken = new Set<number>();
  constraints.forEach((c, ci) => {
    const r = g.ruleOf(ci);
    if (r >= 0 && !satisfies(c, w)) broken.add(r);
  });
  return broken;
}

const outOfTime = new Error('explanation budget spent');

/**
 * A minimal set of rules that, with each of the fixed assignments, admits no valid build: the refusal of one value
 * (one assignment) or of every value of an option (one per value, sharing the choices). A set of rules conflicts
 * when it conflicts with every assignment.
 */
function rulesFor(
  f: FormOracle,
  fixeds: ReadonlyArray<ReadonlyMap<number, number>>,
  options: ExplainOptions,
): { rules: number[]; minimal: boolean } {
  const model = f.model;
  const deadline = performance.now() + (options.budgetMs ?? 50);
  const g = rulesOfModel(model, options.rules);
  const every = [...g.members.keys()].sort((a, b) => a - b);
  /** Propagation alone: refutes most conflicting sets at once, but may miss a conflict. */
  const refutedAt = (fixed: ReadonlyMap<number, number>, rules: readonly number[]): boolean => {
    const found = gacConflict(model, constraintsOf(model, g, rules, fixed), fixed, deadline) !== null;
    if (performance.now() > deadline) throw outOfTime;
    return found;
  };
  /** A search: exact, for the sets propagation does not refute. */
  const unsatisfiableAt = (fixed: ReadonlyMap<number, number>, rules: readonly number[]): boolean => {
    const found = satisfiable(model, constraintsOf(model, g, rules, fixed), fixed, deadline);
    if (found === undefined) throw outOfTime;
    return !found;
  };
  const refuted = (rules: readonly number[]) => fixeds.every((fixed) => refutedAt(fixed, rules));
  const broken: Array<Set<number> | undefined | null> = fixeds.map(() => null);
  /** Exact: a witness build clears most consistent sets, propagation refutes most others, a search settles the rest. */
  const conflicting = (rules: readonly number[]): boolean =>
    fixeds.every((fixed, i) => {
      if (broken[i] === null) broken[i] = brokenByWitness(f, g, fixed);
      const clear = broken[i];
      if (clear && !rules.some((r) => clear.has(r))) return false;
      return refutedAt(fixed, rules) || unsatisfiableAt(fixed, rules);
    });
  // QuickXplain: fewer, smaller tests than deleting one by one. Pre: background + candidates conflict.
  const qx = (test: typeof refuted, background: number[], added: boolean, candidates: number[]): number[] => {
    if (added && test(background)) return [];
    if (candidates.length === 1) return candidates;
    const half = candidates.length >> 1;
    const first = candidates.slice(0, half);
    const second = qx(test, [...background, ...first], true, candidates.slice(half));
    return [...qx(test, [...background, ...second], second.length > 0, first), ...second];
  };
  // Candidates: the rules of refutations by propagation, looked for first among the rules on the fixed variables
  // (a conflict is usually local, and a local refutation names few rules), then among all.
  const refutations = fixeds.map((fixed) => {
    const local = every.filter((r) =>
      (g.members.get(r) ?? []).some((c) => model.constraints[c]?.scope.some((x) => fixed.has(x))),
    );
    return (
      gacConflict(model, constraintsOf(model, g, local, fixed), fixed) ??
      gacConflict(
        model,
        model.constraints.map((_, i) => i),
        fixed,
      )
    );
  });
  const found = refutations.every((r) => r !== null);
  const seed = found
    ? [...new Set(refutations.flatMap((r) => r ?? []).map(g.ruleOf))].filter((r) => r >= 0)
    : every;
  let rules = seed;
  try {
    if (found && refuted(seed)) {
      // Minimal for propagation first (cheap tests), then exact: drop each rule the others still conflict without,
      // which propagation alone cannot tell (a rule needed for one value only, or a sum split into running totals;
      // such a rule is rare). The empty set is tested too, for values that definitions alone exclude.
      rules = qx(refuted, [], true, seed);
      for (const r of [...rules]) {
        const others = rules.filter((o) => o !== r);
        if (conflicting(others)) rules = others;
      }
    } else rules = qx(conflicting, [], true, every);
    return { rules: [...rules].sort((a, b) => a - b), minimal: true };
  } catch (e) {
    if (e !== outOfTime) throw e;
    return { rules: [...rules].sort((a, b) => a - b), minimal: false };
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
  return minimalRulesWith(diagramOracle(d), [fixed], options);
}

/**
 * {@link minimalRules} on any compiled form; with several assignments, the rules that exclude every one of them.
 * Pre: no assignment has a valid completion in `f`.
 */
export function minimalRulesWith(
  f: FormOracle,
  fixeds: ReadonlyArray<ReadonlyMap<number, number>>,
  options: ExplainOptions = {},
): { rules: number[]; rulesMinimal: boolean } {
  const { rules, minimal } = rulesFor(f, fixeds, options);
  return { rules, rulesMinimal: minimal };
}

/**
 * Why value `v` of variable `x` is unavailable under an assignment, on any compiled form.
 * Pre: indices valid for `f.model`; the assignment without x is consistent (it is the user's current build).
 * Post: `null` if x=v is available (some valid build extends the assignment without x's own choice, with x=v);
 * otherwise a subset-minimal set of choices (never x's own) that excludes x=v — the one deletion in the
 * assignment's order leaves, so every exact form gives the same — and a minimal set of rules that excludes it with
 * them (see {@link Explanation.rulesMinimal}).
 */
export function explainWith(
  f: FormOracle,
  assignment: Assignment,
  x: number,
  v: number,
  options: ExplainOptions = {},
): Explanation | null {
  return explainAnyWith(f, assignment, x, [v], options);
}

/**
 * Why no value of `values` of `x` is available (an option of a multi slot at any quantity), as {@link explainWith}:
 * dropping any one of the choices frees some value, and the rules exclude every value with them. Explaining the
 * smallest value alone would be untrue: a choice set that excludes one quantity may leave another open (two of
 * two wanted: one alone is always refused, though the option is available).
 */
export function explainAnyWith(
  f: FormOracle,
  assignment: Assignment,
  x: number,
  values: readonly number[],
  options: ExplainOptions = {},
): Explanation | null {
  const others = new Map(assignment);
  others.delete(x);
  const fits = (a: Assignment) => values.some((v) => f.consistent(new Map([...a, [x, v]])));
  if (fits(others)) return null;
  const choices = minimalConflictWith(fits, others);
  const fixeds = values.map((v) => new Map([...choices, [x, v]]));
  const { rules, minimal } = rulesFor(f, fixeds, options);
  return { choices, rules, rulesMinimal: minimal };
}

/** {@link explainWith} on the MDD. */
export function explain(
  d: Diagram,
  assignment: Assignment,
  x: number,
  v: number,
  options: ExplainOptions = {},
): Explanation | null {
  return explainWith(diagramOracle(d), assignment, x, v, options);
}

/**
 * Why an assignment has no valid completion: a subset-minimal conflicting set of its choices and the rules involved.
 * Pre: the assignment is inconsistent. Post: as {@link explainWith}, with `choices` non-empty unless the model has
 * no valid build at all.
 */
export function explainConflictWith(
  f: FormOracle,
  assignment: Assignment,
  options: ExplainOptions = {},
): Explanation {
  const choices = minimalConflictWith(f.consistent, assignment);
  const { rules, minimal } = rulesFor(f, [new Map(choices)], options);
  return { choices, rules, rulesMinimal: minimal };
}

/** {@link explainConflictWith} on the MDD. */
export function explainConflict(
  d: Diagram,
  assignment: Assignment,
  options: ExplainOptions = {},
): Explanation {
  return explainConflictWith(diagramOracle(d), assignment, options);
}

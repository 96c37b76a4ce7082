/**
 * Explanations: minimal sets of the user's choices that exclude a value, and the rules that do it.
 *
 * Choices: deletion-based minimisation (the linear variant of Junker's QuickXplain, AAAI 2004), each test one
 * consistency pass over the diagram, so the result is exact and subset-minimal: dropping any one of the returned
 * choices makes the value available again. Rules: the constraints that arc-consistency propagation uses to refute the
 * minimal choices, minimised by QuickXplain proper (GAC tests); when propagation alone cannot refute them, the constraints
 * touching the choices are returned and `rulesMinimal` is false.
 */
import { choicesByLevel, isConsistent, type Diagram } from './diagram.ts';
import type { Assignment } from './model.ts';
import { gacConflict } from './propagate.ts';

export interface Explanation {
  /** A subset-minimal set of the choices (variable, value) that, together, exclude the value. Empty if it is dead. */
  readonly choices: ReadonlyArray<readonly [number, number]>;
  /** Indices of the constraints involved (into `model.constraints`). */
  readonly rules: readonly number[];
  /** Whether dropping any one rule of `rules` would lift the refutation by propagation. */
  readonly rulesMinimal: boolean;
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

function rulesFor(
  d: Diagram,
  fixed: Map<number, number>,
  deadline: number,
): { rules: number[]; minimal: boolean } {
  const model = d.model;
  const all = model.constraints.map((_, i) => i);
  let rules = gacConflict(model, all, fixed, deadline);
  if (rules === null) {
    const touched = model.constraints.flatMap((c, i) => (c.scope.some((x) => fixed.has(x)) ? [i] : []));
    return { rules: touched, minimal: false };
  }
  // QuickXplain over the rules of the first refutation: fewer, smaller propagation runs than deleting one by one.
  const outOfTime = new Error('explanation budget spent');
  const refutes = (subset: number[]): boolean => {
    const found = gacConflict(model, subset, fixed, deadline) !== null;
    if (performance.now() > deadline) throw outOfTime;
    return found;
  };
  const qx = (background: number[], added: boolean, candidates: number[]): number[] => {
    if (added && refutes(background)) return [];
    if (candidates.length === 1) return candidates;
    const half = candidates.length >> 1;
    const first = candidates.slice(0, half);
    const second = qx([...background, ...first], true, candidates.slice(half));
    return [...qx([...background, ...second], second.length > 0, first), ...second];
  };
  try {
    rules = qx([], false, rules);
  } catch (e) {
    if (e !== outOfTime) throw e;
    return { rules, minimal: false };
  }
  return { rules: rules.sort((a, b) => a - b), minimal: true };
}

/**
 * Why value `v` of variable `x` is unavailable under an assignment.
 * Pre: indices valid for `d.model`; the assignment without x is consistent (it is the user's current build).
 * Post: `null` if x=v is available (some valid build extends the assignment without x's own choice, with x=v);
 * otherwise a subset-minimal set of choices (never x's own) that excludes x=v, and the rules involved. Rules are
 * searched for at most `budgetMs` milliseconds (default 50); past it `rulesMinimal` is false.
 */
export function explain(
  d: Diagram,
  assignment: Assignment,
  x: number,
  v: number,
  budgetMs = 50,
): Explanation | null {
  const others = new Map(assignment);
  others.delete(x);
  const target = new Map([[x, v]]);
  if (consistent(d, new Map([...others, [x, v]]))) return null;
  const choices = minimalConflict(d, others, target);
  const fixed = new Map([...choices, [x, v]]);
  const { rules, minimal } = rulesFor(d, fixed, performance.now() + budgetMs);
  return { choices, rules, rulesMinimal: minimal };
}

/**
 * Why an assignment has no valid completion: a subset-minimal conflicting set of its choices and the rules involved.
 * Pre: the assignment is inconsistent. Post: as {@link explain}, with `choices` non-empty unless the model has no
 * valid build at all.
 */
export function explainConflict(d: Diagram, assignment: Assignment, budgetMs = 50): Explanation {
  const choices = minimalConflict(d, assignment);
  const { rules, minimal } = rulesFor(d, new Map(choices), performance.now() + budgetMs);
  return { choices, rules, rulesMinimal: minimal };
}

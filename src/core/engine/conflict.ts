/**
 * Minimal conflicts: which of the user's choices, together, leave no valid build. Deletion-based (the linear
 * variant of Junker's QuickXplain, AAAI 2004) over an exact consistency test, so the same code serves both compiled
 * forms through a {@link FormOracle}.
 */
import { complete } from './complete.ts';
import { choicesByLevel, isConsistent, type Diagram } from './diagram.ts';
import type { Assignment, Model } from './model.ts';

/** What explanations ask of a compiled form; both answers exact. */
export interface FormOracle {
  readonly model: Model;
  /** Whether some valid build extends the assignment. */
  readonly consistent: (a: Assignment) => boolean;
  /** A valid build (value index per variable) extending the assignment, or null if there is none. */
  readonly witness: (a: Assignment) => ArrayLike<number> | null;
}

/** The MDD as a {@link FormOracle}. */
export function diagramOracle(d: Diagram): FormOracle {
  return {
    model: d.model,
    consistent: (a) => isConsistent(d, choicesByLevel(d, a)),
    witness: (a) => complete(d, a, () => 0)?.build ?? null,
  };
}

/**
 * A subset-minimal conflicting subset of an inconsistent assignment, for any exact consistency test.
 * Pre: `keep` ∪ assignment has no valid completion. Post: the subset C (in the assignment's order) that deleting the
 * choices one by one in that order leaves (each deleted iff the rest, with the ones kept before it, still
 * conflicts): C ∪ `keep` has no valid completion, dropping any one choice of C gives one. `keep` choices are assumed
 * and never returned nor dropped.
 * Cost: the deletions are made in runs: by monotonicity, if the kept choices and everything after choice j conflict,
 * deleting one by one would delete every choice up to j too; so a galloping then binary search finds the next kept
 * choice in O(log gap) tests. At most |assignment| tests, O(|C| log |assignment|) when C is small.
 */
export function minimalConflictWith(
  consistent: (a: Assignment) => boolean,
  assignment: Assignment,
  keep: Assignment = new Map(),
): Array<[number, number]> {
  const rest = [...assignment].filter(([x]) => !keep.has(x));
  const kept: Array<[number, number]> = [];
  // Whether the kept choices and rest[j+1..] are consistent: false at j = i-1, monotone in j.
  const freed = (j: number): boolean => consistent(new Map([...keep, ...kept, ...rest.slice(j + 1)]));
  for (let i = 0; i < rest.length;) {
    let bad = i - 1;
    let good = -1;
    for (let step = 1; good < 0; step *= 2) {
      const j = Math.min(bad + step, rest.length - 1);
      if (freed(j)) good = j;
      else if (j === rest.length - 1) return kept;
      else bad = j;
    }
    while (good - bad > 1) {
      const mid = (bad + good) >> 1;
      if (freed(mid)) good = mid;
      else bad = mid;
    }
    kept.push(rest[good] as [number, number]);
    i = good + 1;
  }
  return kept;
}

/**
 * A subset-minimal conflicting subset of an inconsistent assignment, as {@link minimalConflictWith} on the MDD.
 */
export function minimalConflict(
  d: Diagram,
  assignment: Assignment,
  keep: Assignment = new Map(),
): Array<[number, number]> {
  return minimalConflictWith(diagramOracle(d).consistent, assignment, keep);
}

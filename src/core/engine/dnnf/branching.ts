import type { Decomposition } from './decomposition.ts';
import type { Propagator } from './propagator.ts';

/**
 * The variable a component decides on: the highest in the elimination tree (so the component splits), ties broken by
 * active-clause occurrences (`score`, as the component finder left it) plus conflict activity (sharpSAT's VSADS
 * score). With exactly-one groups, the lowest group among the highest, and its first open value: a group is decided
 * value by value before any other (its "false" branches stay in one component), as a diagram decides a variable.
 * Pre: `vars` is a component's variables, non-empty.
 */
export function pickDecision(
  vars: Int32Array,
  score: Int32Array,
  p: Propagator,
  tree: Decomposition,
): number {
  const { activity } = p;
  const { depth, group } = tree;
  const grouped = p.cnf.groups !== undefined;
  let best = vars[0] as number;
  let bestDepth = Infinity;
  let bestScore = -1;
  for (let i = 0; i < vars.length; i++) {
    const x = vars[i] as number;
    const d = depth[x] as number;
    if (d > bestDepth) continue;
    if (grouped) {
      if (
        d < bestDepth ||
        (group[x] as number) < (group[best] as number) ||
        (group[x] === group[best] && x < best)
      ) {
        bestDepth = d;
        best = x;
      }
      continue;
    }
    const s = (score[x] as number) + 10 * (activity[x] as number);
    if (d < bestDepth || s > bestScore) {
      bestDepth = d;
      bestScore = s;
      best = x;
    }
  }
  return best;
}

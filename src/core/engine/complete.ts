/**
 * Optimal completion: extend a partial build to a valid complete one minimising a sum of per-value costs (a price)
 * or maximising a sum of per-value scores (weighted preferences). A shortest path over the diagram: one backward
 * pass for the best cost below each node, one forward walk to read the build.
 */
import { choicesByLevel, type Diagram } from './diagram.ts';
import type { Assignment } from './model.ts';

export interface Completion {
  /** Value index per variable: a complete valid build that keeps every choice. */
  readonly build: Int32Array;
  /** Σ weight(x, build[x]) over all variables. */
  readonly total: number;
}

/**
 * The valid completion of an assignment with the least (or, with `maximise`, the greatest) total weight.
 * Pre: indices valid for `d.model`; `weight(x, v)` finite. Post: `null` iff no valid completion exists; otherwise a
 * valid build extending the assignment whose total is optimal among all of them; ties go to lower value indices
 * along the variable order. O(edges + values).
 */
export function complete(
  d: Diagram,
  assignment: Assignment,
  weight: (variable: number, value: number) => number,
  maximise = false,
): Completion | null {
  if (d.root < 0) return null;
  const sign = maximise ? -1 : 1;
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, order, domSize } = d;
  const n = order.length;
  const chosen = choicesByLevel(d, assignment);
  // Signed weights by level (one call of `weight` per value, not per edge), the best value of each level when it is
  // skipped (any value allowed), and the cost of skipping levels 0..l-1.
  const levelStart = new Int32Array(n + 1);
  for (let l = 0; l < n; l++) levelStart[l + 1] = (levelStart[l] as number) + (domSize[l] as number);
  const w = new Float64Array(levelStart[n] as number);
  for (let l = 0; l < n; l++) {
    const x = order[l] as number;
    for (let v = 0; v < (domSize[l] as number); v++) w[(levelStart[l] as number) + v] = sign * weight(x, v);
  }
  const skipValue = new Int32Array(n);
  const skipPrefix = new Float64Array(n + 1);
  for (let l = 0; l < n; l++) {
    const a = chosen[l] as number;
    const base = levelStart[l] as number;
    let bestV = a;
    if (a < 0) {
      let bestW = Infinity;
      for (let v = 0; v < (domSize[l] as number); v++) {
        if ((w[base + v] as number) < bestW) {
          bestW = w[base + v] as number;
          bestV = v;
        }
      }
    }
    skipValue[l] = bestV;
    skipPrefix[l + 1] = (skipPrefix[l] as number) + (w[base + bestV] as number);
  }
  const cost = new Float64Array(terminal + 1).fill(Infinity);
  const pick = new Int32Array(terminal + 1).fill(-1);
  cost[terminal] = 0;
  for (let k = terminal - 1; k >= 0; k--) {
    const l = nodeLevel[k] as number;
    const a = chosen[l] as number;
    const base = levelStart[l] as number;
    const above = skipPrefix[l + 1] as number;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      const v = edgeValue[e] as number;
      if (a >= 0 && v !== a) continue;
      const c = edgeChild[e] as number;
      if (cost[c] === Infinity) continue;
      const total =
        (w[base + v] as number) +
        (skipPrefix[nodeLevel[c] as number] as number) -
        above +
        (cost[c] as number);
      if (total < (cost[k] as number)) {
        cost[k] = total;
        pick[k] = e;
      }
    }
  }
  if (cost[d.root] === Infinity) return null;
  const build = new Int32Array(n);
  for (let l = 0; l < n; l++) build[order[l] as number] = skipValue[l] as number;
  for (let k = d.root; k !== terminal;) {
    const e = pick[k] as number;
    build[order[nodeLevel[k] as number] as number] = edgeValue[e] as number;
    k = edgeChild[e] as number;
  }
  let total = 0;
  for (let x = 0; x < n; x++) total += weight(x, build[x] as number);
  return { build, total };
}

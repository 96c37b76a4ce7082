/**
 * Optimal completion on the smooth decision-DNNF: one upward min-cost pass (an AND adds its children's costs,
 * decomposability making them independent; a decision takes its cheaper allowed branch plus that value's weight),
 * then one downward walk reading the build (Darwiche & Marquis' minimum-cardinality / weighted model search on DNNF).
 */
import type { Assignment } from '../model.ts';
import { KIND_AND, KIND_DECISION, KIND_LITERAL, KIND_TRUE, type Circuit } from './circuit.ts';
import { allowed, fixedValues } from './count.ts';

export interface DnnfCompletion {
  /** Value index per variable: a model that keeps every choice. */
  readonly build: Int32Array;
  /** Σ weight(x, build[x]). */
  readonly total: number;
}

/**
 * The model extending an assignment with the least (or, with `maximise`, the greatest) total weight.
 * Pre: the assignment maps variables of the circuit to 0 or 1; `weight(x, v)` finite. Post: `null` iff no model
 * extends the assignment; otherwise such a model with an optimal total. O(nodes + edges + variables).
 */
export function dnnfComplete(
  c: Circuit,
  a: Assignment,
  weight: (variable: number, value: number) => number,
  maximise = false,
): DnnfCompletion | null {
  const fixed = fixedValues(c, a);
  const sign = maximise ? -1 : 1;
  const w = new Float64Array(2 * c.variables);
  for (let l = 0; l < w.length; l++) w[l] = allowed(fixed, l) ? sign * weight(l >> 1, l & 1) : Infinity;
  const { kind, label, childStart, children, root } = c;
  const cost = new Float64Array(root + 1).fill(Infinity);
  for (let k = 0; k <= root; k++) {
    switch (kind[k]) {
      case KIND_TRUE:
        cost[k] = 0;
        break;
      case KIND_LITERAL:
        cost[k] = w[label[k] as number] as number;
        break;
      case KIND_DECISION: {
        const x = label[k] as number;
        const s = childStart[k] as number;
        cost[k] = Math.min(
          (w[2 * x + 1] as number) + (cost[children[s] as number] as number),
          (w[2 * x] as number) + (cost[children[s + 1] as number] as number),
        );
        break;
      }
      case KIND_AND: {
        let t = 0;
        for (let e = childStart[k] as number, end = childStart[k + 1] as number; e < end; e++)
          t += cost[children[e] as number] as number;
        cost[k] = t;
        break;
      }
    }
  }
  if (cost[root] === Infinity) return null;
  const build = new Int32Array(c.variables);
  const stack = [root];
  while (stack.length > 0) {
    const k = stack.pop() as number;
    if (kind[k] === KIND_LITERAL) {
      const l = label[k] as number;
      build[l >> 1] = l & 1;
    } else if (kind[k] === KIND_DECISION) {
      const x = label[k] as number;
      const s = childStart[k] as number;
      const hi = children[s] as number;
      const lo = children[s + 1] as number;
      const takeHi =
        (w[2 * x + 1] as number) + (cost[hi] as number) <= (w[2 * x] as number) + (cost[lo] as number);
      build[x] = takeHi ? 1 : 0;
      stack.push(takeHi ? hi : lo);
    } else if (kind[k] === KIND_AND) {
      for (let e = childStart[k] as number, end = childStart[k + 1] as number; e < end; e++)
        stack.push(children[e] as number);
    }
  }
  let total = 0;
  for (let x = 0; x < c.variables; x++) total += weight(x, build[x] as number);
  return { build, total };
}

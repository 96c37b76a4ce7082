/**
 * Exact model counting on the diagram: one backward pass in BigInt (arbitrary precision: the BR4CP "big" car has
 * 24,566,537,954,855,761,920,000 builds, beyond a double's 53-bit mantissa).
 */
import type { Diagram } from './diagram.ts';
import { choicesByLevel } from './diagram.ts';
import type { Assignment } from './model.ts';

/**
 * The exact number of complete valid builds extending an assignment.
 * Pre: the assignment's indices are valid for `d.model`. Post: that number (0n iff no valid completion).
 * O(edges) BigInt additions and multiplications.
 */
export function exactCount(d: Diagram, assignment: Assignment = new Map()): bigint {
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, domSize, root } = d;
  if (root < 0) return 0n;
  const n = d.order.length;
  const chosen = choicesByLevel(d, assignment);
  const factor = (l: number): bigint => ((chosen[l] as number) >= 0 ? 1n : BigInt(domSize[l] as number));
  // gap[l] = product of the factors of levels l..n-1, so skipping levels i..j-1 multiplies by gap[i] / gap[j].
  // Products over short gaps are cached instead of divided out.
  const gapCache = new Map<number, bigint>();
  const between = (from: number, to: number): bigint => {
    if (from >= to) return 1n;
    const key = from * (n + 1) + to;
    let g = gapCache.get(key);
    if (g === undefined) {
      g = 1n;
      for (let l = from; l < to; l++) g *= factor(l);
      gapCache.set(key, g);
    }
    return g;
  };
  const counts: bigint[] = new Array<bigint>(terminal + 1);
  counts[terminal] = 1n;
  for (let k = terminal - 1; k >= 0; k--) {
    const l = nodeLevel[k] as number;
    const a = chosen[l] as number;
    let s = 0n;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      if (a >= 0 && edgeValue[e] !== a) continue;
      const c = edgeChild[e] as number;
      const cc = counts[c] as bigint;
      if (cc === 0n) continue;
      s += cc * between(l + 1, nodeLevel[c] as number);
    }
    counts[k] = s;
  }
  return (counts[root] as bigint) * between(0, nodeLevel[root] as number);
}

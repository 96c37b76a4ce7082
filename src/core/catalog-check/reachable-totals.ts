import type { Diagram } from '../engine/diagram.ts';

/**
 * The sums Σ value over some variables (each value read as a number: a quantity) that valid builds reach.
 * Pre: `variables` are distinct variables of `d.model` whose values are non-negative integers ("0", "1", …).
 * Post: bit t of the result is set iff some valid build has the sum t (0n when there is no valid build).
 * One forward pass: each node carries the set of partial sums of the paths reaching it, as a bit mask; an edge
 * that skips a level of a summed variable lets it take any value. Every node of a reduced diagram reaches the
 * true terminal, so no liveness pass is needed. O(edges × bits).
 */
export function reachableTotals(d: Diagram, variables: readonly number[]): bigint {
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, order, root } = d;
  if (root < 0) return 0n;
  const summed = new Set(variables);
  const weights = (level: number): number[] | undefined => {
    const x = order[level] as number;
    return summed.has(x) ? d.model.variables[x]?.values.map(Number) : undefined;
  };
  const perLevel = Array.from({ length: order.length }, (_, l) => weights(l));
  const shift = (mask: bigint, ws: readonly number[]): bigint =>
    ws.reduce((acc, w) => acc | (mask << BigInt(w)), 0n);
  const skip = (mask: bigint, from: number, to: number): bigint => {
    let m = mask;
    for (let l = from; l < to; l++) {
      const ws = perLevel[l];
      if (ws) m = shift(m, ws);
    }
    return m;
  };
  const sums = new Array<bigint>(terminal + 1).fill(0n);
  sums[root] = skip(1n, 0, nodeLevel[root] as number);
  for (let k = root; k < terminal; k++) {
    const here = sums[k] as bigint;
    if (here === 0n) continue;
    const l = nodeLevel[k] as number;
    const ws = perLevel[l];
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      const c = edgeChild[e] as number;
      const w = ws ? (ws[edgeValue[e] as number] as number) : 0;
      sums[c] = (sums[c] as bigint) | skip(here << BigInt(w), l + 1, nodeLevel[c] as number);
    }
  }
  return sums[terminal] as bigint;
}

/**
 * A tree decomposition of the CNF's primal graph, to steer decisions (Korhonen & Järvisalo, "Integrating tree
 * decompositions into decision heuristics of propositional model counters", CP 2021 — SharpSAT-TD; c2d's dtrees play
 * the same part). Min-degree elimination gives an elimination tree: once a variable's ancestors are assigned, the
 * subtrees below it share no clause, so deciding top-down splits the formula into components, and a component's
 * residual formula depends only on its bag — the component cache then bounds the work by about n·2^width.
 */
import type { Cnf } from './cnf.ts';

export interface Decomposition {
  /** Per variable: its depth in the elimination tree (0 for a root). */
  readonly depth: Int32Array;
  /** Largest bag minus one (the decomposition's width). */
  readonly width: number;
}

/**
 * Min-degree elimination of the primal graph.
 * Pre: `cnf` is valid. Post: depths of an elimination tree of a chordal supergraph of the primal graph, and its width.
 * O(n² + fill) time; meant for the thousands of variables of a feature model.
 */
export function decompose(cnf: Cnf): Decomposition {
  const n = cnf.variables;
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set());
  const { clauseStart, literals } = cnf;
  for (let c = 0; c + 1 < clauseStart.length; c++) {
    for (let i = clauseStart[c] as number; i < (clauseStart[c + 1] as number); i++) {
      const x = (literals[i] as number) >> 1;
      for (let j = i + 1; j < (clauseStart[c + 1] as number); j++) {
        const y = (literals[j] as number) >> 1;
        (adj[x] as Set<number>).add(y);
        (adj[y] as Set<number>).add(x);
      }
    }
  }
  const eliminatedAt = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const later: number[][] = new Array<number[]>(n);
  let width = 0;
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestDeg = Infinity;
    for (let x = 0; x < n; x++) {
      if ((eliminatedAt[x] as number) >= 0) continue;
      const d = (adj[x] as Set<number>).size;
      if (d < bestDeg) {
        bestDeg = d;
        best = x;
      }
    }
    eliminatedAt[best] = k;
    order.push(best);
    width = Math.max(width, bestDeg);
    const nb = [...(adj[best] as Set<number>)];
    for (const y of nb) {
      const ay = adj[y] as Set<number>;
      ay.delete(best);
      for (const z of nb) if (z !== y) ay.add(z);
    }
    // The parent is the neighbour eliminated next; it is known once they all are, below.
    later[best] = nb;
  }
  later.forEach((nb, x) => {
    let p = -1;
    for (const y of nb) if (p < 0 || (eliminatedAt[y] as number) < (eliminatedAt[p] as number)) p = y;
    parent[x] = p;
  });
  const depth = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const x = order[k] as number;
    const p = parent[x] as number;
    depth[x] = p < 0 ? 0 : (depth[p] as number) + 1;
  }
  return { depth, width };
}

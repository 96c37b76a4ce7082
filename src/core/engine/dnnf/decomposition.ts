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
  /** Per variable: its exactly-one group (the variable itself when the CNF has none). */
  readonly group: Int32Array;
}

/** Per variable: its exactly-one group, or itself when the CNF has none. */
export function groupsOf(cnf: Cnf): Int32Array {
  const group = Int32Array.from({ length: cnf.variables }, (_, x) => x);
  const start = cnf.groups?.start;
  if (start !== undefined)
    for (let g = 0; g + 1 < start.length; g++) group.fill(g, start[g] as number, start[g + 1] as number);
  return group;
}

/**
 * Decisions in a given order of the groups (position → group), as a diagram decides them: for a multi-valued model
 * whose diagram order is known (a catalog's), the components the search meets are then the diagram's nodes, while
 * the elimination tree of its groups' graph can lead it astray (the PC catalog: past 2M decisions, against 278k in
 * its diagram order). Pre: `order` is a permutation of the groups. Post: depth = position; width is not computed (-1).
 */
export function orderDecomposition(cnf: Cnf, order: readonly number[]): Decomposition {
  const group = groupsOf(cnf);
  const position = new Int32Array(order.length);
  order.forEach((g, i) => (position[g] = i));
  return { depth: group.map((g) => position[g] as number), width: -1, group };
}

/**
 * Min-degree elimination of the primal graph, of the groups' graph when the CNF has exactly-one groups (a one-hot
 * model's value cliques would otherwise make every bag as wide as a domain).
 * Pre: `cnf` is valid. Post: depths of an elimination tree of a chordal supergraph of that graph (a variable at its
 * group's depth), and its width. O(n² + fill) time; meant for the thousands of variables of a feature model.
 */
export function decompose(cnf: Cnf): Decomposition {
  const { clauseStart, literals } = cnf;
  const group = groupsOf(cnf);
  const groupStart = cnf.groups?.start;
  const n = groupStart === undefined ? cnf.variables : groupStart.length - 1;
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (let c = 0; c + 1 < clauseStart.length; c++) {
    for (let i = clauseStart[c] as number; i < (clauseStart[c + 1] as number); i++) {
      const x = group[(literals[i] as number) >> 1] as number;
      for (let j = i + 1; j < (clauseStart[c + 1] as number); j++) {
        const y = group[(literals[j] as number) >> 1] as number;
        if (x === y) continue;
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
  const groupDepth = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const x = order[k] as number;
    const p = parent[x] as number;
    groupDepth[x] = p < 0 ? 0 : (groupDepth[p] as number) + 1;
  }
  return { depth: group.map((g) => groupDepth[g] as number), width, group };
}

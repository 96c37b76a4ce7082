/**
 * Static variable orders for the decision diagram, from the constraint hypergraph (one hyperedge per scope).
 *
 * FORCE (Aloul, Markov & Sakallah, "FORCE: a fast and easy-to-implement variable-ordering heuristic", GLSVLSI 2003):
 * repeatedly move every variable to the mean of the centres of gravity of its hyperedges and re-sort, keeping the
 * order with the least total span. The compiler (compile.ts) starts it from several seeds (file order, a breadth-first
 * order, a min-degree elimination order) because the result depends on the start.
 */

/** Σ over constraints of (last position − first position) of the scope under `pos` (var → position). */
export function totalSpan(scopes: readonly (readonly number[])[], pos: ArrayLike<number>): number {
  let s = 0;
  for (const sc of scopes) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of sc) {
      const p = pos[x] as number;
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    if (sc.length > 0) s += hi - lo;
  }
  return s;
}

function positions(order: readonly number[]): Int32Array {
  const pos = new Int32Array(order.length);
  order.forEach((x, i) => (pos[x] = i));
  return pos;
}

/** Refines an order with FORCE iterations. Post: a permutation with total span ≤ the start's. */
export function force(
  scopes: readonly (readonly number[])[],
  start: readonly number[],
  iterations = 60,
): number[] {
  const n = start.length;
  const edgesOf: number[][] = Array.from({ length: n }, () => []);
  scopes.forEach((sc, e) => sc.forEach((x) => (edgesOf[x] as number[]).push(e)));
  let best = [...start];
  let bestSpan = totalSpan(scopes, positions(best));
  let cur = best;
  const cog = new Float64Array(scopes.length);
  for (let it = 0; it < iterations; it++) {
    const pos = positions(cur);
    scopes.forEach((sc, e) => {
      let s = 0;
      for (const x of sc) s += pos[x] as number;
      cog[e] = sc.length > 0 ? s / sc.length : 0;
    });
    const target = new Float64Array(n);
    for (let x = 0; x < n; x++) {
      const es = edgesOf[x] as number[];
      if (es.length === 0) target[x] = pos[x] as number;
      else {
        let s = 0;
        for (const e of es) s += cog[e] as number;
        target[x] = s / es.length;
      }
    }
    cur = [...cur].sort((a, b) => (target[a] as number) - (target[b] as number) || a - b);
    const span = totalSpan(scopes, positions(cur));
    if (span < bestSpan) {
      bestSpan = span;
      best = cur;
    }
  }
  return best;
}

function neighbours(n: number, scopes: readonly (readonly number[])[]): Set<number>[] {
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (const sc of scopes)
    for (const x of sc) for (const y of sc) if (x !== y) (adj[x] as Set<number>).add(y);
  return adj;
}

/** Breadth-first order of the primal graph from its highest-degree variable, component after component. */
export function bfsOrder(n: number, scopes: readonly (readonly number[])[]): number[] {
  const adj = neighbours(n, scopes);
  const seen = new Uint8Array(n);
  const out: number[] = [];
  const deg = (x: number): number => (adj[x] as Set<number>).size;
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => deg(b) - deg(a) || a - b);
  for (const s of byDegree) {
    if (seen[s]) continue;
    seen[s] = 1;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const x = queue[q] as number;
      out.push(x);
      const next = [...(adj[x] as Set<number>)].filter((y) => !seen[y]).sort((a, b) => deg(b) - deg(a));
      for (const y of next) {
        seen[y] = 1;
        queue.push(y);
      }
    }
  }
  return out;
}

/** Min-degree elimination order of the primal graph, reversed (last eliminated first). */
export function minDegreeOrder(n: number, scopes: readonly (readonly number[])[]): number[] {
  const adj = neighbours(n, scopes);
  const gone = new Uint8Array(n);
  const elim: number[] = [];
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestDeg = Infinity;
    for (let x = 0; x < n; x++) {
      if (gone[x]) continue;
      const d = (adj[x] as Set<number>).size;
      if (d < bestDeg) {
        bestDeg = d;
        best = x;
      }
    }
    gone[best] = 1;
    elim.push(best);
    const nb = [...(adj[best] as Set<number>)];
    for (const y of nb) {
      (adj[y] as Set<number>).delete(best);
      for (const z of nb) if (z !== y) (adj[y] as Set<number>).add(z);
    }
  }
  return elim.reverse();
}

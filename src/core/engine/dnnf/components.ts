/**
 * Connected components of the residual formula, and the component cache (Bayardo & Pehoushek, AAAI 2000; Thurley,
 * sharpSAT, SAT 2006). A component is the set of unassigned variables linked by clauses that are not yet satisfied;
 * its residual formula is determined by those variables and the ids of those clauses (every other literal of such a
 * clause is false), so the sorted pair is a canonical signature: equal signatures, equal sub-circuits.
 */
import { invertCsr } from './invert-csr.ts';
import type { Propagator } from './propagator.ts';

/** `[variable count, sorted variables…, sorted clause ids…]`: the signature, also the cache key. */
export type Component = Int32Array;

export const componentVariables = (c: Component): Int32Array => c.subarray(1, 1 + (c[0] as number));
export const componentClauseCount = (c: Component): number => c.length - 1 - (c[0] as number);

export class ComponentFinder {
  private readonly occStart: Int32Array;
  private readonly occ: Int32Array;
  private readonly varStamp: Int32Array;
  private readonly clauseStamp: Int32Array;
  /** Per variable: occurrences in the active clauses of the component being found (the dynamic part of VSADS). */
  readonly score: Int32Array;
  private epoch = 0;
  private readonly queue: Int32Array;
  private clauses: Int32Array;

  constructor(private readonly p: Propagator) {
    const n = p.cnf.variables;
    const { clauseStart, literals } = p.cnf;
    const m = clauseStart.length - 1;
    const occurrences = invertCsr(clauseStart, (k) => (literals[k] as number) >> 1, n);
    this.occStart = occurrences.start;
    this.occ = occurrences.rows;
    this.varStamp = new Int32Array(n);
    this.clauseStamp = new Int32Array(m);
    this.score = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.clauses = new Int32Array(Math.max(1, m));
  }

  /**
   * The components of the unassigned variables among `variables`.
   * Pre: every clause that is not satisfied and mentions one of them has all its unassigned variables among them.
   * Post: the components, each a sorted signature; a variable in no active clause is a component of its own.
   * `score` holds each returned variable's active-clause occurrences until the next call.
   */
  split(variables: ArrayLike<number>): Component[] {
    const { p, occStart, occ, varStamp, clauseStamp, queue, score } = this;
    const { lits, start, value } = p;
    const epoch = ++this.epoch;
    const out: Component[] = [];
    for (let i = 0; i < variables.length; i++) {
      const seed = variables[i] as number;
      if (value[seed] !== -1 || varStamp[seed] === epoch) continue;
      varStamp[seed] = epoch;
      queue[0] = seed;
      score[seed] = 0;
      let qn = 1;
      let cn = 0;
      for (let q = 0; q < qn; q++) {
        const x = queue[q] as number;
        for (let o = occStart[x] as number, oe = occStart[x + 1] as number; o < oe; o++) {
          const c = occ[o] as number;
          if (clauseStamp[c] === epoch) continue;
          clauseStamp[c] = epoch;
          const s = start[c] as number;
          const e = start[c + 1] as number;
          let satisfied = false;
          for (let k = s; k < e; k++) {
            const l = lits[k] as number;
            if (value[l >> 1] === (l & 1)) {
              satisfied = true;
              break;
            }
          }
          if (satisfied) continue;
          this.clauses[cn++] = c;
          for (let k = s; k < e; k++) {
            const y = (lits[k] as number) >> 1;
            if (value[y] !== -1) continue;
            if (varStamp[y] !== epoch) {
              varStamp[y] = epoch;
              score[y] = 0;
              queue[qn++] = y;
            }
            score[y] = (score[y] as number) + 1;
          }
        }
      }
      const comp = new Int32Array(1 + qn + cn);
      comp[0] = qn;
      comp.set(queue.subarray(0, qn), 1);
      comp.set(this.clauses.subarray(0, cn), 1 + qn);
      comp.subarray(1, 1 + qn).sort();
      comp.subarray(1 + qn).sort();
      out.push(comp);
    }
    return out;
  }
}

/** Component signature → compiled node, with exact key comparison behind a 32-bit hash. */
export class ComponentCache {
  private readonly buckets = new Map<number, number[]>();
  private readonly keys: Component[] = [];
  private readonly nodes: number[] = [];
  /** Int32 entries held by the keys, for the memory bound. */
  entries = 0;
  hits = 0;

  private static hash(c: Component): number {
    let h = 0x811c9dc5 ^ c.length;
    for (let i = 0; i < c.length; i++) h = Math.imul(h ^ (c[i] as number), 0x01000193);
    return h ^ (h >>> 15);
  }

  get(c: Component): number | undefined {
    const bucket = this.buckets.get(ComponentCache.hash(c));
    if (bucket === undefined) return undefined;
    outer: for (const i of bucket) {
      const k = this.keys[i] as Component;
      if (k.length !== c.length) continue;
      for (let j = 0; j < k.length; j++) if (k[j] !== c[j]) continue outer;
      this.hits++;
      return this.nodes[i];
    }
    return undefined;
  }

  set(c: Component, node: number): void {
    const h = ComponentCache.hash(c);
    let bucket = this.buckets.get(h);
    if (bucket === undefined) this.buckets.set(h, (bucket = []));
    bucket.push(this.keys.length);
    this.keys.push(c);
    this.nodes.push(node);
    this.entries += c.length;
  }

  get size(): number {
    return this.keys.length;
  }
}

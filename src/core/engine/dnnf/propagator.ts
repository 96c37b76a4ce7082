/**
 * Unit propagation with two watched literals (Moskewicz et al., Chaff, DAC 2001; as in minisat's `Solver::propagate`),
 * on typed arrays, plus the trail the top-down compiler backtracks on. The watches never move back on backtracking:
 * a watched literal that becomes unassigned again is as good a watch as before.
 */
import type { Cnf } from './cnf.ts';

export class Propagator {
  /** Per variable: the value index assigned, or -1. */
  readonly value: Int8Array;
  /** Assigned literals in order; `trail[0 .. size-1]`. */
  readonly trail: Int32Array;
  size = 0;
  private head = 0;
  /** Clause literals, reordered in place so that positions 0 and 1 are the watches. */
  readonly lits: Int32Array;
  readonly start: Int32Array;
  /** Per literal: the clauses watching it (visited when it becomes false). */
  private readonly watches: number[][];
  /** Per variable: a VSIDS-like score bumped on the variables of conflicting clauses. */
  readonly activity: Float64Array;
  private bump = 1;
  propagations = 0;

  /** Pre: `cnf` is valid. Post: clauses of length ≥ 2 are watched; units and the empty clause are left to {@link units}. */
  constructor(readonly cnf: Cnf) {
    const n = cnf.variables;
    this.value = new Int8Array(n).fill(-1);
    this.trail = new Int32Array(n);
    this.lits = cnf.literals.slice();
    this.start = cnf.clauseStart;
    this.activity = new Float64Array(n);
    this.watches = Array.from({ length: 2 * n }, () => []);
    const m = this.start.length - 1;
    for (let c = 0; c < m; c++) {
      const s = this.start[c] as number;
      if ((this.start[c + 1] as number) - s < 2) continue;
      (this.watches[this.lits[s] as number] as number[]).push(c);
      (this.watches[this.lits[s + 1] as number] as number[]).push(c);
    }
  }

  isTrue(l: number): boolean {
    return this.value[l >> 1] === (l & 1);
  }

  isFalse(l: number): boolean {
    return this.value[l >> 1] === ((l & 1) ^ 1);
  }

  /** Asserts the unit clauses. Post: false iff the CNF has an empty clause or contradicting units. */
  units(): boolean {
    const m = this.start.length - 1;
    for (let c = 0; c < m; c++) {
      const s = this.start[c] as number;
      const len = (this.start[c + 1] as number) - s;
      if (len === 0) return false;
      if (len === 1 && !this.assign(this.lits[s] as number)) return false;
    }
    return true;
  }

  /** Assigns a literal. Post: false iff it was already false (nothing changes then). */
  assign(l: number): boolean {
    const x = l >> 1;
    const v = this.value[x] as number;
    if (v >= 0) return v === (l & 1);
    this.value[x] = l & 1;
    this.trail[this.size++] = l;
    return true;
  }

  /** Undoes every assignment made after the trail had `mark` entries. */
  backtrack(mark: number): void {
    for (let i = this.size - 1; i >= mark; i--) this.value[(this.trail[i] as number) >> 1] = -1;
    this.size = mark;
    this.head = Math.min(this.head, mark);
  }

  /**
   * Propagates the trail to a fixpoint. Post: true and every clause has a true literal or two unassigned ones, or
   * false on a conflict (the queue is then dropped: the caller backtracks).
   */
  propagate(): boolean {
    const { lits, start, value } = this;
    while (this.head < this.size) {
      const falseLit = (this.trail[this.head++] as number) ^ 1;
      const ws = this.watches[falseLit] as number[];
      let i = 0;
      let j = 0;
      const end = ws.length;
      while (i < end) {
        const c = ws[i++] as number;
        const s = start[c] as number;
        if (lits[s] === falseLit) {
          lits[s] = lits[s + 1] as number;
          lits[s + 1] = falseLit;
        }
        const first = lits[s] as number;
        if (value[first >> 1] === (first & 1)) {
          ws[j++] = c;
          continue;
        }
        let moved = false;
        for (let k = s + 2, e = start[c + 1] as number; k < e; k++) {
          const l = lits[k] as number;
          if (value[l >> 1] !== ((l & 1) ^ 1)) {
            lits[s + 1] = l;
            lits[k] = falseLit;
            (this.watches[l] as number[]).push(c);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = c;
        if (value[first >> 1] === ((first & 1) ^ 1)) {
          while (i < end) ws[j++] = ws[i++] as number;
          ws.length = j;
          this.conflict(c);
          return false;
        }
        this.propagations++;
        this.assign(first);
      }
      ws.length = j;
    }
    return true;
  }

  private conflict(c: number): void {
    for (let k = this.start[c] as number, e = this.start[c + 1] as number; k < e; k++) {
      const x = (this.lits[k] as number) >> 1;
      this.activity[x] = (this.activity[x] as number) + this.bump;
    }
    this.bump *= 1.05;
    if (this.bump > 1e100) {
      for (let x = 0; x < this.activity.length; x++) this.activity[x] = (this.activity[x] as number) * 1e-100;
      this.bump *= 1e-100;
    }
    this.head = this.size;
  }
}

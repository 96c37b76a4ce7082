/**
 * Components and their signatures for a one-hot CNF, found over the model's groups (variables) and tables instead of
 * its clauses. Clause-level components cost a walk over every active clause per decision, and a multi-valued table
 * has one clause per pair of values it relates (a running total of 58 values over a part of 20: over a thousand), so
 * that walk dominated the PC catalog's compile (11 of its 15 s); its signatures held every active clause id.
 *
 * A group is open while one of its variables is unassigned. Open groups are linked by the tables whose scope holds
 * two of them: coarser than the clause graph (a table all of whose clauses are satisfied still links), which only
 * loses some decompositions. The signature is the open variables (which also fix which exactly-one clauses are
 * active), then per table with an open group its id and the value of each scope group (-1 while open): every clause
 * of the table is then fixed (a literal of a decided group is true or false, of an open one false unless the
 * variable is open), so equal signatures mean equal residual formulas.
 */
import type { Groups } from './cnf.ts';
import type { Component } from './components.ts';
import { groupsOf } from './decomposition.ts';
import { invertCsr } from './invert-csr.ts';
import type { Propagator } from './propagator.ts';

export class GroupComponentFinder {
  private readonly groupOf: Int32Array;
  private readonly tableStart: Int32Array;
  private readonly tables: Int32Array;
  private readonly groupStamp: Int32Array;
  private readonly tableStamp: Int32Array;
  private readonly queue: Int32Array;
  private readonly found: Int32Array;
  private epoch = 0;
  private readonly stateStamp: Int32Array;
  private readonly state: Int32Array;
  /** Per table: a clause of it found unsatisfied last time (its first clause at the start). */
  private readonly lastOpen: Int32Array;
  /** The clause-level finder's VSADS counts; unused here (groups are decided by depth, then id). */
  readonly score: Int32Array;

  constructor(
    private readonly p: Propagator,
    private readonly groups: Groups,
  ) {
    const n = p.cnf.variables;
    const g = groups.start.length - 1;
    const t = groups.scopeStart.length - 1;
    this.groupOf = groupsOf(p.cnf);
    // Tables per group, as CSR.
    const tables = invertCsr(groups.scopeStart, (i) => groups.scopes[i] as number, g);
    this.tableStart = tables.start;
    this.tables = tables.rows;
    this.groupStamp = new Int32Array(g);
    this.stateStamp = new Int32Array(g);
    this.state = new Int32Array(g);
    this.tableStamp = new Int32Array(t);
    this.queue = new Int32Array(g);
    this.found = new Int32Array(t);
    this.score = new Int32Array(n);
    this.lastOpen = groups.tableClauses.slice(0, t);
  }

  /**
   * The value index group h holds, or -1 while it is open, computed once per split.
   * Pre: propagation reached a fixpoint without conflict.
   */
  private valueOf(h: number): number {
    if (this.stateStamp[h] === this.epoch) return this.state[h] as number;
    this.stateStamp[h] = this.epoch;
    return (this.state[h] = this.scan(h));
  }

  private scan(h: number): number {
    const { value } = this.p;
    const s = this.groups.start[h] as number;
    for (let y = s; y < (this.groups.start[h + 1] as number); y++) {
      if (value[y] === -1) return -1;
      if (value[y] === 1) return y - s;
    }
    return -1;
  }

  /** Whether clause c has no true literal. */
  private open(c: number): boolean {
    const { lits, start, value } = this.p;
    for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
      const l = lits[k] as number;
      if (value[l >> 1] === (l & 1)) return false;
    }
    return true;
  }

  /** Whether one of table t's clauses is not satisfied; the one found last time is tried first (it often still is). */
  private active(t: number): boolean {
    const tc = this.groups.tableClauses;
    const last = this.lastOpen[t] as number;
    // A table of no clauses (it allows every tuple) is never active.
    if (last < (tc[t + 1] as number) && this.open(last)) return true;
    for (let c = tc[t] as number; c < (tc[t + 1] as number); c++)
      if (this.open(c)) {
        this.lastOpen[t] = c;
        return true;
      }
    return false;
  }

  /**
   * The components of the unassigned variables among `variables`.
   * Pre: `variables` holds every unassigned variable of the groups linked to its own (as the compiler's components
   * do). Post: the components, each a canonical signature (`[variable count, sorted variables…, table states…]`).
   */
  split(variables: ArrayLike<number>): Component[] {
    const { p, groupOf, tableStart, tables, groupStamp, tableStamp, queue, found, groups } = this;
    const { start, scopeStart, scopes } = groups;
    const value = p.value;
    const epoch = ++this.epoch;
    const out: Component[] = [];
    for (let i = 0; i < variables.length; i++) {
      const seed = variables[i] as number;
      if (value[seed] !== -1 || groupStamp[groupOf[seed] as number] === epoch) continue;
      groupStamp[groupOf[seed] as number] = epoch;
      queue[0] = groupOf[seed] as number;
      let qn = 1;
      let tn = 0;
      let size = 1;
      for (let q = 0; q < qn; q++) {
        const h = queue[q] as number;
        for (let o = tableStart[h] as number; o < (tableStart[h + 1] as number); o++) {
          const t = tables[o] as number;
          if (tableStamp[t] === epoch) continue;
          tableStamp[t] = epoch;
          if (!this.active(t)) continue;
          found[tn++] = t;
          size += 1 + (scopeStart[t + 1] as number) - (scopeStart[t] as number);
          for (let k = scopeStart[t] as number; k < (scopeStart[t + 1] as number); k++) {
            const u = scopes[k] as number;
            if (groupStamp[u] === epoch || this.valueOf(u) !== -1) continue;
            groupStamp[u] = epoch;
            queue[qn++] = u;
          }
        }
      }
      const open = queue.subarray(0, qn).sort();
      let vn = 0;
      for (const h of open)
        for (let y = start[h] as number; y < (start[h + 1] as number); y++) if (value[y] === -1) vn++;
      const comp = new Int32Array(1 + vn + size - 1);
      comp[0] = vn;
      let w = 1;
      for (const h of open)
        for (let y = start[h] as number; y < (start[h + 1] as number); y++)
          if (value[y] === -1) comp[w++] = y;
      for (const t of found.subarray(0, tn).sort()) {
        comp[w++] = t;
        for (let k = scopeStart[t] as number; k < (scopeStart[t + 1] as number); k++)
          comp[w++] = this.valueOf(scopes[k] as number);
      }
      out.push(comp);
    }
    return out;
  }
}

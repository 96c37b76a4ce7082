/**
 * The search baseline of bench/engine.ts (issue 10), for instances where logic-solver's fixed 64 MB heap aborts:
 * exact valid domains by backtracking search over the tables, independent of the engine's diagram.
 *
 * - Propagation: generalised arc consistency on every table by simple tabular reduction (Ullmann, STR, 2007;
 *   Lecoutre, STR2, 2011): each table keeps its rows still valid under the current domains as a sparse set, trailed
 *   for backtracking, and a value without a valid row (nor a `*`) is removed.
 * - Search: binary branching (x = v, then x ≠ v) on the variable of smallest domain size / weighted degree
 *   (Boussemart et al., dom/wdeg, ECAI 2004; a table's weight grows each time it wipes out a domain).
 * - Reuse of solutions: values not yet seen in a solution are tried first, and each solution found marks every value
 *   it contains, plus every single-variable change of it that breaks no table (checked in one pass over the rows
 *   valid at the root), as supported. Only values still unmarked get a search of their own; a value whose search fails
 *   is removed at the root, which strengthens every later search of the click.
 */
import { WILDCARD, type Assignment, type Model } from '../src/core/engine/model.ts';
import { valueOffsets } from '../src/core/engine/domains.ts';
import type { Baseline } from './engine-baseline.ts';

/**
 * Pre: a valid model. Post: a {@link Baseline} giving the exact valid-domain mask of an assignment, or undefined when a
 * click passes `timeLimitMs`.
 */
export function searchBaseline(model: Model, timeLimitMs = 60_000): Baseline {
  const n = model.variables.length;
  const off = valueOffsets(model);
  const varOf = new Int32Array(off[n] as number);
  for (let x = 0; x < n; x++) varOf.fill(x, off[x] as number, off[x + 1] as number);
  const tables = model.constraints.map((c) => {
    const arity = c.scope.length;
    // Row entries as global value ids (offset + value), -1 for `*`.
    const cells = Int32Array.from(c.rows, (v, i) =>
      v === WILDCARD ? -1 : (off[c.scope[i % arity] as number] as number) + v,
    );
    const rows = arity === 0 ? 0 : c.rows.length / arity;
    return {
      scope: Int32Array.from(c.scope),
      arity,
      cells,
      rows,
      alive: Int32Array.from({ length: rows }, (_, r) => r),
    };
  });
  const limit = new Int32Array(tables.length);
  const weight = new Float64Array(tables.length).fill(1);
  const tablesOf = model.variables.map(() => [] as number[]);
  tables.forEach((t, ti) => t.scope.forEach((x) => tablesOf[x]?.push(ti)));

  const dom = new Uint8Array(off[n] as number);
  const size = new Int32Array(n);
  // One trail for both kinds of undo: value ids (≥ 0) removed, and table limits as -(1 + table) then the old limit.
  let trail = new Int32Array(1 << 16);
  let top = 0;
  const push = (v: number): void => {
    if (top === trail.length) {
      const bigger = new Int32Array(trail.length * 2);
      bigger.set(trail);
      trail = bigger;
    }
    trail[top++] = v;
  };
  const undo = (mark: number): void => {
    while (top > mark) {
      const v = trail[--top] as number;
      if (v >= 0) {
        dom[v] = 1;
        const x = varOf[v] as number;
        size[x] = (size[x] as number) + 1;
      } else limit[-v - 1] = trail[--top] as number;
    }
  };
  const remove = (g: number): void => {
    dom[g] = 0;
    const x = varOf[g] as number;
    size[x] = (size[x] as number) - 1;
    push(g);
  };

  const queue = new Int32Array(tables.length);
  const queued = new Uint8Array(tables.length);
  let qHead = 0;
  let qLen = 0;
  const enqueue = (ti: number): void => {
    if (queued[ti]) return;
    queued[ti] = 1;
    queue[(qHead + qLen++) % tables.length] = ti;
  };
  const touch = (x: number, except: number): void => {
    for (const ti of tablesOf[x] as number[]) if (ti !== except) enqueue(ti);
  };
  const seen = new Int32Array(off[n] as number);
  const wild = new Uint8Array(32);
  let stamp = 0;

  /** STR revision of one table; false on a wipe-out. */
  const revise = (ti: number): boolean => {
    const t = tables[ti] as (typeof tables)[number];
    const { arity, cells, alive, scope } = t;
    stamp++;
    wild.fill(0, 0, arity);
    let lim = limit[ti] as number;
    const old = lim;
    for (let i = 0; i < lim; i++) {
      const base = (alive[i] as number) * arity;
      let ok = true;
      for (let j = 0; j < arity; j++) {
        const g = cells[base + j] as number;
        if (g >= 0 && !dom[g]) {
          ok = false;
          break;
        }
      }
      if (!ok) {
        const r = alive[i] as number;
        alive[i] = alive[--lim] as number;
        alive[lim] = r;
        i--;
        continue;
      }
      for (let j = 0; j < arity; j++) {
        const g = cells[base + j] as number;
        if (g >= 0) seen[g] = stamp;
        else wild[j] = 1;
      }
    }
    if (lim !== old) {
      push(old);
      push(-1 - ti);
      limit[ti] = lim;
    }
    if (lim === 0 && arity > 0) return false;
    for (let j = 0; j < arity; j++) {
      if (wild[j]) continue;
      const x = scope[j] as number;
      let changed = false;
      for (let g = off[x] as number, end = off[x + 1] as number; g < end; g++) {
        if (dom[g] && seen[g] !== stamp) {
          remove(g);
          changed = true;
        }
      }
      if (size[x] === 0) return false;
      if (changed) touch(x, ti);
    }
    return true;
  };
  const propagate = (): boolean => {
    while (qLen > 0) {
      const ti = queue[qHead] as number;
      qHead = (qHead + 1) % tables.length;
      qLen--;
      queued[ti] = 0;
      if (!revise(ti)) {
        weight[ti] = (weight[ti] as number) + 1;
        while (qLen > 0) {
          queued[queue[qHead] as number] = 0;
          qHead = (qHead + 1) % tables.length;
          qLen--;
        }
        return false;
      }
    }
    return true;
  };
  /** Fixes x to global value g (or, with `fix` false, removes g) and propagates. */
  const decide = (x: number, g: number, fix: boolean): boolean => {
    if (fix) {
      for (let h = off[x] as number, end = off[x + 1] as number; h < end; h++)
        if (h !== g && dom[h]) remove(h);
    } else remove(g);
    if (size[x] === 0) return false;
    touch(x, -1);
    return propagate();
  };

  let supported = new Uint8Array(0);
  let deadline = Infinity;
  let nodes = 0;
  /** Depth-first search below the current state; true with every domain a singleton on success. */
  const solve = (): boolean | undefined => {
    if ((++nodes & 255) === 0 && performance.now() > deadline) return undefined;
    let best = -1;
    let bestScore = Infinity;
    for (let x = 0; x < n; x++) {
      const s = size[x] as number;
      if (s <= 1) continue;
      let w = 0;
      for (const ti of tablesOf[x] as number[]) w += weight[ti] as number;
      if (s / w < bestScore) {
        bestScore = s / w;
        best = x;
      }
    }
    if (best < 0) return true;
    let g = -1;
    for (let h = off[best] as number, end = off[best + 1] as number; h < end; h++) {
      if (dom[h] && (g < 0 || (!supported[h] && supported[g]))) g = h;
    }
    const mark = top;
    if (decide(best, g, true)) {
      const r = solve();
      if (r !== false) return r;
    }
    undo(mark);
    if (!decide(best, g, false)) return false;
    return solve();
  };

  const hits = new Int32Array(off[n] as number);
  const starred = new Int32Array(n);
  const degree = Int32Array.from(tablesOf, (ts) => ts.length);
  const flips = new Int32Array(off[n] as number);
  /**
   * Marks a solution's values, and each value one change away from it that every table allows (checked against the
   * rows valid at the root, in one pass per table). Pre: the search state is back at the root.
   */
  const harvest = (solution: Int32Array): void => {
    hits.fill(0);
    starred.fill(0);
    for (let x = 0; x < n; x++) supported[(off[x] as number) + (solution[x] as number)] = 1;
    tables.forEach((t, ti) => {
      const { arity, cells, alive, scope } = t;
      stamp++;
      wild.fill(0, 0, arity);
      let nFound = 0;
      for (let i = 0, lim = limit[ti] as number; i < lim; i++) {
        const base = (alive[i] as number) * arity;
        let miss = -1;
        for (let j = 0; j < arity; j++) {
          const g = cells[base + j] as number;
          if (g < 0 || g === (off[scope[j] as number] as number) + (solution[scope[j] as number] as number))
            continue;
          if (miss >= 0) {
            miss = -2;
            break;
          }
          miss = j;
        }
        if (miss === -1) {
          // A row of the solution with `*` at j allows any change of that variable.
          for (let j = 0; j < arity; j++) if ((cells[base + j] as number) < 0) wild[j] = 1;
        } else if (miss >= 0) {
          const g = cells[base + miss] as number;
          if (seen[g] !== stamp) {
            seen[g] = stamp;
            flips[nFound++] = g;
          }
        }
      }
      for (let j = 0; j < arity; j++) {
        const x = scope[j] as number;
        if (wild[j]) starred[x] = (starred[x] as number) + 1;
      }
      for (let i = 0; i < nFound; i++) {
        const g = flips[i] as number;
        if (!wild[scope.indexOf(varOf[g] as number)]) hits[g] = (hits[g] as number) + 1;
      }
    });
    for (let g = 0; g < hits.length; g++) {
      const x = varOf[g] as number;
      if (dom[g] && !supported[g] && (hits[g] as number) + (starred[x] as number) === degree[x])
        supported[g] = 1;
    }
  };

  return (a: Assignment) => {
    deadline = performance.now() + timeLimitMs;
    undo(0);
    dom.fill(1);
    for (let x = 0; x < n; x++) size[x] = (off[x + 1] as number) - (off[x] as number);
    tables.forEach((t, ti) => (limit[ti] = t.rows));
    supported = new Uint8Array(off[n] as number);
    const none = new Uint8Array(off[n] as number);
    for (const [x, v] of a) {
      for (let h = off[x] as number, end = off[x + 1] as number; h < end; h++)
        if (h !== (off[x] as number) + v) remove(h);
    }
    tables.forEach((_, ti) => enqueue(ti));
    if (!propagate()) return none;
    for (let g = 0; g < dom.length; g++) {
      if (!dom[g] || supported[g]) continue;
      const root = top;
      const x = varOf[g] as number;
      const found = decide(x, g, true) ? solve() : false;
      if (found === undefined) return undefined;
      if (found) {
        const solution = new Int32Array(n);
        for (let y = 0; y < n; y++) {
          for (let h = off[y] as number; ; h++) {
            if (dom[h]) {
              solution[y] = h - (off[y] as number);
              break;
            }
          }
        }
        undo(root);
        harvest(solution);
      } else {
        undo(root);
        // No valid build has g: drop it for the rest of this click (the trail keeps it for the next reset).
        if (!decide(x, g, false)) return none;
      }
    }
    return supported;
  };
}

/**
 * Minimal repair: the user takes a value that is unavailable; which of their other choices must change?
 *
 * A shortest path over the diagram with x fixed to the new value, where an edge that keeps a choice costs 0, an
 * edge that changes one costs 1 (ties broken by the price moved, |new − old| summed over the changes), and free
 * variables cost 0. The k best distinct repairs come from a k-best backward pass (each node keeps its k best suffixes
 * with distinct change sets; a suffix outside its node's k best cannot be in the global k best, since the same prefix
 * would give k better distinct repairs). Alternatives are irredundant: a repair whose changes include all of a better
 * one's is dropped (it changes something for nothing); to have k of them after that filter, each node keeps its 4k
 * best suffixes.
 *
 * Speed: suffixes live in typed-array pools, change sets are shared linked lists identified by a 64-bit Zobrist hash
 * (equal hashes are confirmed by comparing the lists, so the result stays exact), each node merges its children's
 * sorted lists with early exit instead of sorting every candidate, and only nodes reachable from the root with
 * x = v are visited.
 */
import { choicesByLevel, type Diagram } from './diagram.ts';
import type { Assignment } from './model.ts';
import { valueOffsets } from './domains.ts';

export interface Change {
  readonly variable: number;
  readonly from: number;
  readonly to: number;
}

export interface Repair {
  /** Choices to change, in variable-order position; x's own choice is not among them. */
  readonly changes: readonly Change[];
  /** Σ |price(to) − price(from)| over the changes (0 without prices). */
  readonly priceMoved: number;
}

/** Growable pools: suffix entries and change-list cells. */
class Pools {
  // Entries: number of changes, price moved, 64-bit hash of the change set, head cell of its change list (-1: none).
  changes = new Int32Array(1024);
  moved = new Float64Array(1024);
  h1 = new Int32Array(1024);
  h2 = new Int32Array(1024);
  list = new Int32Array(1024);
  entries = 0;
  // Cells: changed variable, new value, next cell.
  cellVar = new Int32Array(1024);
  cellTo = new Int32Array(1024);
  cellNext = new Int32Array(1024);
  cells = 0;

  entry(changes: number, moved: number, h1: number, h2: number, list: number): void {
    if (this.entries === this.changes.length) {
      const n = this.entries * 2;
      this.changes = grow(this.changes, n);
      this.moved = grow(this.moved, n);
      this.h1 = grow(this.h1, n);
      this.h2 = grow(this.h2, n);
      this.list = grow(this.list, n);
    }
    const i = this.entries++;
    this.changes[i] = changes;
    this.moved[i] = moved;
    this.h1[i] = h1;
    this.h2[i] = h2;
    this.list[i] = list;
  }

  cell(variable: number, to: number, next: number): number {
    if (this.cells === this.cellVar.length) {
      const n = this.cells * 2;
      this.cellVar = grow(this.cellVar, n);
      this.cellTo = grow(this.cellTo, n);
      this.cellNext = grow(this.cellNext, n);
    }
    const i = this.cells++;
    this.cellVar[i] = variable;
    this.cellTo[i] = to;
    this.cellNext[i] = next;
    return i;
  }

  /** Whether two change lists hold the same changes (lists are in level order, so elementwise). */
  sameList(a: number, b: number): boolean {
    while (a !== b) {
      if (a < 0 || b < 0) return false;
      if (this.cellVar[a] !== this.cellVar[b] || this.cellTo[a] !== this.cellTo[b]) return false;
      a = this.cellNext[a] as number;
      b = this.cellNext[b] as number;
    }
    return true;
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Deterministic 32-bit words per (variable, value) for Zobrist hashing of change sets (xorshift32). */
export function zobrist(total: number, seed: number): Int32Array {
  const out = new Int32Array(total);
  let s = seed;
  for (let i = 0; i < total; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s;
  }
  return out;
}

/**
 * Up to `k` repairs for taking value `v` of variable `x`, best first.
 * Pre: indices valid for `d.model`; `price(x, v)` (optional) finite. Post: each repair, applied to the assignment with
 * x=v, has a valid completion; the first has the fewest changes possible, then the least price moved; repairs are
 * pairwise distinct, none contains another's changes, and (up to the 4k-per-node cut-off, which only matters when
 * more than 3k redundant repairs tie ahead) no omitted irredundant repair is better than a returned one. Empty iff
 * x=v is dead (no valid build has it). If x=v is available as is, the single repair with no changes.
 * O(edges · k).
 */
export function repairs(
  d: Diagram,
  assignment: Assignment,
  x: number,
  v: number,
  k = 3,
  price: (variable: number, value: number) => number = () => 0,
): Repair[] {
  if (d.root < 0) return [];
  const others = new Map(assignment);
  others.delete(x);
  const chosen = choicesByLevel(d, others);
  const xLevel = d.levelOf[x] as number;
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, order } = d;
  const keep = 4 * k;
  const off = valueOffsets(d.model);
  const z1 = zobrist(off[off.length - 1] as number, 0x9e3779b9);
  const z2 = zobrist(off[off.length - 1] as number, 0x85ebca6b);

  // Nodes reachable from the root along edges that agree with x = v (the others' lists are never read).
  const reach = new Uint8Array(terminal + 1);
  reach[d.root] = 1;
  for (let node = d.root; node < terminal; node++) {
    if (!reach[node]) continue;
    const atX = nodeLevel[node] === xLevel;
    for (let e = edgeStart[node] as number, end = edgeStart[node + 1] as number; e < end; e++) {
      if (!atX || edgeValue[e] === v) reach[edgeChild[e] as number] = 1;
    }
  }

  const p = new Pools();
  // Node → its kept suffixes, entries first .. first+count-1 of the pool, best first; count 0 = no suffix.
  const first = new Int32Array(terminal + 1);
  const count = new Int32Array(terminal + 1);
  p.entry(0, 0, 0, 0, -1);
  count[terminal] = 1;
  // The node's kept candidates: cost, hash, the child entry they extend and the change they add (-1: none).
  const cChanges = new Int32Array(keep);
  const cMoved = new Float64Array(keep);
  const cH1 = new Int32Array(keep);
  const cH2 = new Int32Array(keep);
  const cSub = new Int32Array(keep);
  const cVar = new Int32Array(keep);
  const cTo = new Int32Array(keep);
  for (let node = terminal - 1; node >= 0; node--) {
    if (!reach[node]) continue;
    const l = nodeLevel[node] as number;
    const a = chosen[l] as number;
    const variable = order[l] as number;
    let n = 0;
    for (let e = edgeStart[node] as number, end = edgeStart[node + 1] as number; e < end; e++) {
      const u = edgeValue[e] as number;
      if (l === xLevel && u !== v) continue;
      const child = edgeChild[e] as number;
      const subCount = count[child] as number;
      if (subCount === 0) continue;
      const change = a >= 0 && u !== a;
      const dc = change ? 1 : 0;
      const dm = change ? Math.abs(price(variable, u) - price(variable, a)) : 0;
      const g = (off[variable] as number) + u;
      for (let s = first[child] as number, sEnd = s + subCount; s < sEnd; s++) {
        const ch = (p.changes[s] as number) + dc;
        const mv = (p.moved[s] as number) + dm;
        // The child's list is sorted by cost: once full and past the worst kept, the rest cannot enter.
        if (n === keep) {
          const wc = cChanges[n - 1] as number;
          if (ch > wc || (ch === wc && mv > (cMoved[n - 1] as number))) break;
        }
        const h1 = change ? (p.h1[s] as number) ^ (z1[g] as number) : (p.h1[s] as number);
        const h2 = change ? (p.h2[s] as number) ^ (z2[g] as number) : (p.h2[s] as number);
        // Same change set already kept? It has the same cost, so it is among the equal-cost candidates.
        let dup = false;
        for (let i = 0; i < n && !dup; i++) {
          if (cH1[i] !== h1 || cH2[i] !== h2 || cChanges[i] !== ch) continue;
          // A set that changes this node's variable never equals one that keeps it.
          if ((cVar[i] as number) >= 0 !== change) continue;
          dup =
            (!change || cTo[i] === u) && p.sameList(p.list[cSub[i] as number] as number, p.list[s] as number);
        }
        if (dup) continue;
        // Insertion position: after every candidate of lower or equal (changes, moved, hash).
        let at = n;
        while (at > 0) {
          const qc = cChanges[at - 1] as number;
          const qm = cMoved[at - 1] as number;
          if (qc < ch || (qc === ch && (qm < mv || (qm === mv && (cH1[at - 1] as number) <= h1)))) break;
          at--;
        }
        if (at === keep) continue;
        const last = Math.min(n, keep - 1);
        for (let i = last; i > at; i--) {
          cChanges[i] = cChanges[i - 1] as number;
          cMoved[i] = cMoved[i - 1] as number;
          cH1[i] = cH1[i - 1] as number;
          cH2[i] = cH2[i - 1] as number;
          cSub[i] = cSub[i - 1] as number;
          cVar[i] = cVar[i - 1] as number;
          cTo[i] = cTo[i - 1] as number;
        }
        cChanges[at] = ch;
        cMoved[at] = mv;
        cH1[at] = h1;
        cH2[at] = h2;
        cSub[at] = s;
        cVar[at] = change ? variable : -1;
        cTo[at] = u;
        if (n < keep) n++;
      }
    }
    if (n === 0) continue;
    first[node] = p.entries;
    count[node] = n;
    for (let i = 0; i < n; i++) {
      const sub = cSub[i] as number;
      const tail = p.list[sub] as number;
      const list = (cVar[i] as number) >= 0 ? p.cell(cVar[i] as number, cTo[i] as number, tail) : tail;
      p.entry(cChanges[i] as number, cMoved[i] as number, cH1[i] as number, cH2[i] as number, list);
    }
  }

  const out: Repair[] = [];
  const sets: Set<string>[] = [];
  for (let i = first[d.root] as number, end = i + (count[d.root] as number); i < end; i++) {
    if (out.length === k) break;
    const changes: Change[] = [];
    for (let c = p.list[i] as number; c >= 0; c = p.cellNext[c] as number) {
      const variable = p.cellVar[c] as number;
      changes.push({ variable, from: others.get(variable) as number, to: p.cellTo[c] as number });
    }
    const set = new Set(changes.map((c) => `${c.variable}=${c.to}`));
    if (sets.some((s) => [...s].every((c) => set.has(c)))) continue;
    sets.push(set);
    out.push({ changes, priceMoved: p.moved[i] as number });
  }
  return out;
}

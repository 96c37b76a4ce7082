/**
 * A hash-consed store of reduced ordered multi-valued decision diagram (MDD) nodes in typed arrays, with Bryant's
 * memoised apply specialised to conjunction. Used only while compiling; queries run on the compact
 * {@link Diagram} that compile.ts extracts from it.
 *
 * Levels 0..n-1 are positions in the variable order; a node at level l has one child per value of that level's
 * variable. Node 0 is the false terminal, node 1 the true terminal (level n). A node whose children are all equal is
 * never created (the edge skips the level: "don't care"), so equal functions are equal node ids.
 */

export const FALSE = 0;
export const TRUE = 1;

const EMPTY = -1;

/** Thrown by {@link MddStore.and} when the store's work budget is spent. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Each pool's value until the constructor allocates it (see there why). */
const NO_POOL = new Int32Array(0);

export class MddStore {
  /** Domain size per level. */
  readonly dom: Int32Array;
  readonly levels: number;
  level = NO_POOL;
  offset = NO_POOL;
  kids = NO_POOL;
  size = 2;
  private kidsUsed = 0;
  private unique = NO_POOL;
  private uniqueCount = 0;
  private cache: Int32Array;
  private readonly cacheMask: number;
  /** Conjunction steps computed so far (computed-table misses): a deterministic measure of compile work. */
  work = 0;
  /** When `work` passes this, {@link and} throws {@link BudgetExceeded}. */
  budget = Infinity;
  /** One scratch child buffer per level: a conjunction at level l only recurses to deeper levels. */
  private readonly scratch: Int32Array[];

  constructor(dom: ArrayLike<number>, cacheBits = 20) {
    // The pools are replaced when they grow. Allocating them here, over NO_POOL, stores each field a second time,
    // so V8 treats the fields as mutable from the start. Otherwise the first growth deoptimised the already optimised
    // and() (it depended on the fields' constant values), and the recursive and() was at times left unoptimised for
    // the rest of the compile: 2–3× slower.
    this.level = new Int32Array(1 << 16);
    this.offset = new Int32Array(1 << 16);
    this.kids = new Int32Array(1 << 18);
    this.unique = new Int32Array(1 << 16).fill(EMPTY);
    this.dom = Int32Array.from(dom);
    this.levels = this.dom.length;
    this.level[FALSE] = this.levels;
    this.level[TRUE] = this.levels;
    this.cache = new Int32Array(3 << cacheBits).fill(EMPTY);
    this.cacheMask = (1 << cacheBits) - 1;
    this.scratch = Array.from(this.dom, (d) => new Int32Array(d));
  }

  /** Hash of a node at level `l` with children `arr[at..at+d)` (a pool offset, so no view is allocated). */
  private hash(l: number, arr: Int32Array, at: number, d: number): number {
    let h = Math.imul(l + 1, 0x9e3779b1);
    for (let i = 0; i < d; i++) h = Math.imul(h ^ (arr[at + i] as number), 0x85ebca6b) ^ (h >>> 13);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /**
   * The node at level `l` with children `buf[0..dom[l])`.
   * Pre: every child is FALSE/TRUE or a node at a level > l. Post: the unique reduced node for that function.
   */
  mk(l: number, buf: Int32Array): number {
    const d = this.dom[l] as number;
    const first = buf[0] as number;
    let same = true;
    for (let i = 1; i < d; i++) {
      if (buf[i] !== first) {
        same = false;
        break;
      }
    }
    if (same) return first;
    const { unique, level, offset } = this;
    const mask = unique.length - 1;
    let slot = this.hash(l, buf, 0, d) & mask;
    for (;;) {
      const id = unique[slot] as number;
      if (id === EMPTY) break;
      if (level[id] === l) {
        const kids = this.kids;
        const o = offset[id] as number;
        let eq = true;
        for (let i = 0; i < d; i++) {
          if (kids[o + i] !== buf[i]) {
            eq = false;
            break;
          }
        }
        if (eq) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id >= level.length) {
      this.level = grow(level, id + 1);
      this.offset = grow(offset, id + 1);
    }
    if (this.kidsUsed + d > this.kids.length) this.kids = grow(this.kids, this.kidsUsed + d);
    this.level[id] = l;
    this.offset[id] = this.kidsUsed;
    const kids = this.kids;
    for (let i = 0; i < d; i++) kids[this.kidsUsed + i] = buf[i] as number;
    this.kidsUsed += d;
    unique[slot] = id;
    if (++this.uniqueCount * 2 > unique.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.unique.length * 2).fill(EMPTY);
    const mask = table.length - 1;
    for (let id = 2; id < this.size; id++) {
      const l = this.level[id] as number;
      const o = this.offset[id] as number;
      let slot = this.hash(l, this.kids, o, this.dom[l] as number) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.unique = table;
  }

  /**
   * Conjunction of two diagrams of this store (Bryant's apply with a lossy computed table).
   * Pre: a, b are node ids of this store. Post: the node of a ∧ b.
   */
  and(a: number, b: number): number {
    if (a === FALSE || b === FALSE) return FALSE;
    if (a === TRUE || a === b) return b;
    if (b === TRUE) return a;
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const slot = ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0) & this.cacheMask;
    const c = this.cache;
    if (c[3 * slot] === a && c[3 * slot + 1] === b) return c[3 * slot + 2] as number;
    if (++this.work > this.budget) throw new BudgetExceeded();
    const la = this.level[a] as number;
    const lb = this.level[b] as number;
    const l = la < lb ? la : lb;
    const d = this.dom[l] as number;
    const buf = this.scratch[l] as Int32Array;
    // Offsets never move; the kids pool may be reallocated by a nested mk, so it is re-read for every child.
    // A node below level l stands for all its values: its offset is unused (-1).
    const oa = la === l ? (this.offset[a] as number) : -1;
    const ob = lb === l ? (this.offset[b] as number) : -1;
    for (let v = 0; v < d; v++) {
      const ca = oa < 0 ? a : (this.kids[oa + v] as number);
      const cb = ob < 0 ? b : (this.kids[ob + v] as number);
      // The terminal cases of and() inline: most children are FALSE, TRUE or equal.
      if (ca === cb || cb === TRUE) buf[v] = ca;
      else if (ca === TRUE) buf[v] = cb;
      else if (ca === FALSE || cb === FALSE) buf[v] = FALSE;
      else buf[v] = this.and(ca, cb);
    }
    const r = this.mk(l, buf);
    c[3 * slot] = a;
    c[3 * slot + 1] = b;
    c[3 * slot + 2] = r;
    return r;
  }

  /**
   * The diagram of a positive table.
   * Pre: `levels[j]` is the level of scope position j (pairwise distinct), rows row-major with -1 = any value.
   * Post: the node whose models are exactly the builds matching some row.
   */
  table(levels: readonly number[], rows: Int32Array): number {
    const arity = levels.length;
    if (arity === 0) return TRUE;
    const nRows = rows.length / arity;
    if (nRows === 0) return FALSE;
    const pos = levels.map((_, j) => j).sort((x, y) => (levels[x] as number) - (levels[y] as number));
    const all = new Int32Array(nRows);
    for (let r = 0; r < nRows; r++) all[r] = r;
    const build = (sub: Int32Array, depth: number): number => {
      if (sub.length === 0) return FALSE;
      if (depth === arity) return TRUE;
      const j = pos[depth] as number;
      const l = levels[j] as number;
      const d = this.dom[l] as number;
      const counts = new Int32Array(d + 1);
      let wild = 0;
      for (let i = 0; i < sub.length; i++) {
        const v = rows[(sub[i] as number) * arity + j] as number;
        if (v < 0) wild++;
        else counts[v + 1] = (counts[v + 1] as number) + 1;
      }
      const kids = new Int32Array(d);
      if (wild === sub.length) {
        const only = build(sub, depth + 1);
        kids.fill(only);
        return this.mk(l, kids);
      }
      const starred = new Int32Array(wild);
      for (let v = 0; v < d; v++) (counts[v + 1] as number) += counts[v] as number;
      const sorted = new Int32Array(sub.length - wild);
      const fill = counts.slice();
      let w = 0;
      for (let i = 0; i < sub.length; i++) {
        const r = sub[i] as number;
        const v = rows[r * arity + j] as number;
        if (v < 0) starred[w++] = r;
        else sorted[(fill[v] = (fill[v] as number) + 1) - 1] = r;
      }
      const wildOnly = wild > 0 ? build(starred, depth + 1) : FALSE;
      for (let v = 0; v < d; v++) {
        const lo = counts[v] as number;
        const hi = counts[v + 1] as number;
        if (lo === hi) kids[v] = wildOnly;
        else if (wild === 0) kids[v] = build(sorted.subarray(lo, hi), depth + 1);
        else {
          const both = new Int32Array(hi - lo + wild);
          both.set(sorted.subarray(lo, hi));
          both.set(starred, hi - lo);
          kids[v] = build(both, depth + 1);
        }
      }
      return this.mk(l, kids);
    };
    return build(all, 0);
  }

  /**
   * Copies the nodes reachable from `roots` into a fresh store (garbage collection between conjunctions).
   * Post: returns the new store and the roots' ids in it, same functions.
   */
  compact(roots: readonly number[]): { store: MddStore; roots: number[] } {
    const fresh = new MddStore(this.dom, Math.log2(this.cacheMask + 1));
    const map = new Int32Array(this.size).fill(EMPTY);
    map[FALSE] = FALSE;
    map[TRUE] = TRUE;
    const copy = (x: number): number => {
      const m = map[x] as number;
      if (m !== EMPTY) return m;
      const l = this.level[x] as number;
      const d = this.dom[l] as number;
      const buf = new Int32Array(d);
      for (let v = 0; v < d; v++) buf[v] = copy(this.kids[(this.offset[x] as number) + v] as number);
      const r = fresh.mk(l, buf);
      map[x] = r;
      return r;
    };
    return { store: fresh, roots: roots.map(copy) };
  }
}

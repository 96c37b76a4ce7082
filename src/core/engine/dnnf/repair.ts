/**
 * Minimal repairs on the smooth decision-DNNF: the k cheapest distinct sets of changed choices among the models
 * that keep some hard choices (the value the user takes). The MDD's k-best shortest path (../repair.ts) carried to the
 * circuit: one upward pass in which every node keeps its K best partial repairs with distinct change sets.
 *
 * A repair's cost is (number of changing literals, price moved), lexicographically; a "changing literal" is one a
 * model cannot take without changing one of the user's choices (the caller says which, and the price it moves).
 * - A literal costs its own change; TRUE costs nothing; FALSE has no repair.
 * - A decision is the union of its two branches, each extended by its literal. Its variable is in neither branch,
 *   so when one literal is changing and the other not, the two branches' change sets differ; otherwise equal sets
 *   can come from both and are merged.
 * - An AND is decomposable: its children's change sets lie over disjoint variables, so picking one partial repair per
 *   child gives pairwise distinct unions, and the K best of those sums are among the pairs (i, j) with
 *   (i+1)(j+1) ≤ K of two lists sorted by cost.
 * A partial repair whose change set contains another's at the same node is dropped there: whatever completes the one
 * completes the other (the rest of the model is independent of the node's variables), so every repair it extends to
 * contains a smaller valid one. Products of such irredundant lists are irredundant, so only decisions filter. A
 * partial repair outside its node's K best cannot be in the K best at the root: the same context extends the K better
 * ones into K better distinct repairs. K = 4k, as on the MDD, as slack for better ones that turn out redundant there.
 *
 * Change sets are persistent trees (a literal, or the union of two disjoint sets) identified by a 64-bit Zobrist
 * hash; equal hashes are confirmed by comparing the sets, so the result is exact.
 */
import type { Assignment } from '../model.ts';
import { zobrist } from '../repair.ts';
import { KIND_AND, KIND_DECISION, KIND_LITERAL, KIND_TRUE, type Circuit } from './circuit.ts';
import { allowed, fixedValues } from './count.ts';

/** A set of changing literals: one literal, or the union of two disjoint sets; null is the empty set. */
type ChangeSet = number | readonly [ChangeSet, ChangeSet] | null;

interface Partial {
  readonly changes: number;
  readonly moved: number;
  readonly h1: number;
  readonly h2: number;
  readonly set: ChangeSet;
}

export interface DnnfRepair {
  /** The changing literals the repair's model takes, ascending. */
  readonly literals: readonly number[];
  /** Σ price moved over them. */
  readonly priceMoved: number;
}

const NONE: readonly Partial[] = [];
const ZERO: Partial = { changes: 0, moved: 0, h1: 0, h2: 0, set: null };
const ONLY_ZERO: readonly Partial[] = [ZERO];

const before = (p: Partial, q: Partial): number =>
  p.changes - q.changes || p.moved - q.moved || p.h1 - q.h1 || p.h2 - q.h2;

function literalsOf(set: ChangeSet, out: number[] = []): number[] {
  if (set === null) return out;
  if (typeof set === 'number') out.push(set);
  else {
    literalsOf(set[0], out);
    literalsOf(set[1], out);
  }
  return out;
}

const sorted = (set: ChangeSet): number[] => literalsOf(set).sort((a, b) => a - b);

function sameSet(a: Partial, b: Partial): boolean {
  if (a.h1 !== b.h1 || a.h2 !== b.h2 || a.changes !== b.changes) return false;
  const x = sorted(a.set);
  const y = sorted(b.set);
  return x.every((l, i) => l === y[i]);
}

const union = (a: ChangeSet, b: ChangeSet): ChangeSet => (a === null ? b : b === null ? a : [a, b]);

/** Whether sorted `a` ⊆ sorted `b`. */
function within(a: readonly number[], b: readonly number[]): boolean {
  let j = 0;
  for (const l of a) {
    while (j < b.length && (b[j] as number) < l) j++;
    if (b[j] !== l) return false;
  }
  return true;
}

/**
 * The K best of the union of two sorted lists, each irredundant: equal change sets (possible only if `merge`) kept
 * once, and a set containing a kept one dropped (it has more changes, so it comes later).
 */
function unionOf(
  a: readonly Partial[],
  b: readonly Partial[],
  keep: number,
  merge: boolean,
): readonly Partial[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Partial[] = [];
  // Sorted literals of the kept sets, made when first compared.
  const sets: (number[] | undefined)[] = [];
  const setOf = (t: number): number[] => (sets[t] ??= sorted((out[t] as Partial).set));
  let i = 0;
  let j = 0;
  while (out.length < keep && (i < a.length || j < b.length)) {
    const p =
      j >= b.length || (i < a.length && before(a[i] as Partial, b[j] as Partial) <= 0)
        ? (a[i++] as Partial)
        : (b[j++] as Partial);
    // Equal sets have equal costs and hashes, so a duplicate sits among the last entries of equal key.
    let dup = false;
    for (let t = out.length - 1; merge && t >= 0 && before(out[t] as Partial, p) === 0 && !dup; t--)
      dup = sameSet(out[t] as Partial, p);
    if (dup) continue;
    if ((out[0]?.changes ?? p.changes) < p.changes) {
      const set = sorted(p.set);
      let redundant = false;
      for (let t = 0; t < out.length && (out[t] as Partial).changes < p.changes && !redundant; t++)
        redundant = within(setOf(t), set);
      if (redundant) continue;
    }
    out.push(p);
  }
  return out;
}

/** The K best sums of one partial repair from each list (over disjoint variables, so every sum is distinct). */
function productOf(a: readonly Partial[], b: readonly Partial[], keep: number): readonly Partial[] {
  if (a === ONLY_ZERO) return b;
  if (b === ONLY_ZERO) return a;
  const out: Partial[] = [];
  for (let i = 0; i < a.length && i < keep; i++) {
    const p = a[i] as Partial;
    for (let j = 0; j < b.length && (i + 1) * (j + 1) <= keep; j++) {
      const q = b[j] as Partial;
      out.push({
        changes: p.changes + q.changes,
        moved: p.moved + q.moved,
        h1: p.h1 ^ q.h1,
        h2: p.h2 ^ q.h2,
        set: union(p.set, q.set),
      });
    }
  }
  return out.sort(before).slice(0, keep);
}

/**
 * Up to `k` repairs, best first.
 * Pre: `hard` maps circuit variables to 0 or 1; `moved[l]` is -1 if literal l changes no choice, else the (finite,
 * non-negative) price it moves. Post: the repairs of the models extending `hard`, by (number of changing literals,
 * price moved): the first has the fewest, then the least moved; they are pairwise distinct, none contains another's
 * literals, and (up to the 4k-per-node cut-off, as on the MDD) no omitted irredundant repair is better than a
 * returned one. Empty iff no model extends `hard`. O((nodes + edges) · k log k).
 */
export function dnnfRepairs(c: Circuit, hard: Assignment, moved: Float64Array, k: number): DnnfRepair[] {
  const keep = 4 * k;
  const fixed = fixedValues(c, hard);
  const z1 = zobrist(2 * c.variables, 0x9e3779b9);
  const z2 = zobrist(2 * c.variables, 0x85ebca6b);
  const { kind, label, childStart, children, root } = c;
  const leaf = (l: number): readonly Partial[] => {
    if (!allowed(fixed, l)) return NONE;
    const m = moved[l] as number;
    return m < 0 ? ONLY_ZERO : [{ changes: 1, moved: m, h1: z1[l] as number, h2: z2[l] as number, set: l }];
  };
  const extend = (list: readonly Partial[], l: number): readonly Partial[] => {
    const step = leaf(l);
    if (step.length === 0 || list.length === 0) return NONE;
    return step === ONLY_ZERO ? list : productOf(list, step, keep);
  };
  const best: (readonly Partial[])[] = new Array<readonly Partial[]>(root + 1);
  for (let node = 0; node <= root; node++) {
    switch (kind[node]) {
      case KIND_TRUE:
        best[node] = ONLY_ZERO;
        break;
      case KIND_LITERAL:
        best[node] = leaf(label[node] as number);
        break;
      case KIND_DECISION: {
        const x = label[node] as number;
        const s = childStart[node] as number;
        const hi = extend(best[children[s] as number] as readonly Partial[], 2 * x + 1);
        const lo = extend(best[children[s + 1] as number] as readonly Partial[], 2 * x);
        const merge = (moved[2 * x + 1] as number) < 0 && (moved[2 * x] as number) < 0;
        best[node] = merge && hi === ONLY_ZERO && lo === ONLY_ZERO ? ONLY_ZERO : unionOf(hi, lo, keep, merge);
        break;
      }
      case KIND_AND: {
        let acc: readonly Partial[] = ONLY_ZERO;
        for (let e = childStart[node] as number, end = childStart[node + 1] as number; e < end; e++) {
          const child = best[children[e] as number] as readonly Partial[];
          acc = child.length === 0 ? NONE : productOf(acc, child, keep);
          if (acc.length === 0) break;
        }
        best[node] = acc;
        break;
      }
      default:
        best[node] = NONE;
    }
  }
  return (best[root] ?? NONE).slice(0, k).map((p) => ({ literals: sorted(p.set), priceMoved: p.moved }));
}

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
 */
import { choicesByLevel, type Diagram } from './diagram.ts';
import type { Assignment } from './model.ts';

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

interface Entry {
  readonly changes: number;
  readonly moved: number;
  readonly key: string;
  readonly list: ChangeList | null;
}
interface ChangeList {
  readonly head: Change;
  readonly tail: ChangeList | null;
}

const better = (a: Entry, b: Entry): number =>
  a.changes - b.changes || a.moved - b.moved || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Up to `k` repairs for taking value `v` of variable `x`, best first.
 * Pre: indices valid for `d.model`; `price(x, v)` (optional) finite. Post: each repair, applied to the assignment with
 * x=v, has a valid completion; the first has the fewest changes possible, then the least price moved; repairs are
 * pairwise distinct, none contains another's changes, and (up to the 4k-per-node cut-off, which only matters when
 * more than 3k redundant repairs tie ahead) no omitted irredundant repair is better than a returned one. Empty iff
 * x=v is dead (no valid build has it). If x=v is available as is, the single repair with no changes.
 * O(edges · k log k).
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
  const best: (Entry[] | undefined)[] = new Array<Entry[] | undefined>(terminal + 1);
  best[terminal] = [{ changes: 0, moved: 0, key: '', list: null }];
  for (let node = terminal - 1; node >= 0; node--) {
    const l = nodeLevel[node] as number;
    const a = chosen[l] as number;
    const variable = order[l] as number;
    const cands: Entry[] = [];
    for (let e = edgeStart[node] as number, end = edgeStart[node + 1] as number; e < end; e++) {
      const u = edgeValue[e] as number;
      if (l === xLevel && u !== v) continue;
      const sub = best[edgeChild[e] as number];
      if (sub === undefined) continue;
      if (a < 0 || u === a) {
        cands.push(...sub);
        continue;
      }
      const head: Change = { variable, from: a, to: u };
      const moved = Math.abs(price(variable, u) - price(variable, a));
      for (const s of sub) {
        cands.push({
          changes: s.changes + 1,
          moved: s.moved + moved,
          key: `${variable}=${u};${s.key}`,
          list: { head, tail: s.list },
        });
      }
    }
    if (cands.length === 0) continue;
    cands.sort(better);
    const kept: Entry[] = [];
    for (const c of cands) {
      if (kept.length === keep) break;
      if (!kept.some((q) => q.key === c.key)) kept.push(c);
    }
    best[node] = kept;
  }
  const out: Repair[] = [];
  const sets: Set<string>[] = [];
  for (const e of best[d.root] ?? []) {
    if (out.length === k) break;
    const changes: Change[] = [];
    for (let c = e.list; c !== null; c = c.tail) changes.push(c.head);
    const set = new Set(changes.map((c) => `${c.variable}=${c.to}`));
    if (sets.some((s) => [...s].every((c) => set.has(c)))) continue;
    sets.push(set);
    out.push({ changes, priceMoved: e.moved });
  }
  return out;
}

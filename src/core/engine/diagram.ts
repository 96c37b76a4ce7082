/**
 * The compiled form: a reduced ordered MDD of all valid builds, stored compactly for queries (CSR edge lists, nodes
 * numbered by level so one forward or backward scan visits parents before/after children).
 *
 * Node k has level `nodeLevel[k]` and edges `edgeStart[k] .. edgeStart[k+1]-1`, each a (value index, child) pair
 * with value indices increasing; edges to the false terminal are not stored. The last node is the true terminal
 * (level = number of variables, no edges). An edge from level l to a child at level l' > l+1 skips levels l+1..l'-1:
 * every value of those variables is allowed along it ("don't care"). Likewise levels above the root's.
 */
import type { Assignment, Model } from './model.ts';

export interface Diagram {
  readonly model: Model;
  /** Level → variable index. */
  readonly order: Int32Array;
  /** Variable index → level. */
  readonly levelOf: Int32Array;
  /** Domain size per level. */
  readonly domSize: Int32Array;
  readonly nodeLevel: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeValue: Int32Array;
  readonly edgeChild: Int32Array;
  /** Root node, or -1 when the model has no valid build. */
  readonly root: number;
  /** The true terminal's id (the last node). */
  readonly terminal: number;
}

/** Number of decision nodes (terminal excluded). */
export function nodeCount(d: Diagram): number {
  return d.nodeLevel.length - 1;
}

/** Number of stored edges. */
export function edgeCount(d: Diagram): number {
  return d.edgeValue.length;
}

/** Bytes taken by the compiled form's arrays. */
export function diagramBytes(d: Diagram): number {
  return [d.order, d.levelOf, d.domSize, d.nodeLevel, d.edgeStart, d.edgeValue, d.edgeChild].reduce(
    (a, x) => a + x.byteLength,
    0,
  );
}

/**
 * The assignment by level: entry l is the chosen value index of the variable at level l, or -1 if free.
 * Pre: the assignment's entries are valid variable and value indices of `d.model`.
 */
export function choicesByLevel(d: Diagram, a: Assignment): Int32Array {
  const out = new Int32Array(d.order.length).fill(-1);
  for (const [x, v] of a) out[d.levelOf[x] as number] = v;
  return out;
}

/**
 * Liveness under an assignment: `alive[k]` = 1 iff node k has a path to the terminal taking only chosen values at
 * chosen levels (skipped levels accept any choice). One backward pass, O(edges).
 */
export function aliveUnder(
  d: Diagram,
  chosen: Int32Array,
  alive: Uint8Array = new Uint8Array(d.nodeLevel.length),
) {
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal } = d;
  alive[terminal] = 1;
  for (let k = terminal - 1; k >= 0; k--) {
    const a = chosen[nodeLevel[k] as number] as number;
    let live = 0;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      if ((a < 0 || edgeValue[e] === a) && alive[edgeChild[e] as number]) {
        live = 1;
        break;
      }
    }
    alive[k] = live;
  }
  return alive;
}

/** Whether some valid build extends the assignment (by level). O(edges). */
export function isConsistent(d: Diagram, chosen: Int32Array): boolean {
  if (d.root < 0) return false;
  return aliveUnder(d, chosen)[d.root] === 1;
}

/**
 * Exact valid values for the recommender, computed over the engine's compiled {@link Diagram} (same definition as
 * `validDomains` in engine/domains.ts: a value is valid iff some complete valid build extends the assignment with it).
 *
 * Two shapes the recommender needs and `validDomains` does not give cheaply:
 * - {@link validValuesOf}: one variable's valid values, by a depth-first search that settles liveness only where
 *   it is needed and stops once every value is shown: on the BR4CP "big" car (490k edges) a fraction of the two
 *   full passes, which keeps a recommendation within the latency goal.
 * - {@link batchValidDomains}: all domains for up to 32 assignments at once, one bit per assignment in each node's
 *   word (bit-parallel passes). The evaluation replays ~725k partial builds on "big"; one by one that is 45 minutes.
 */
import type { Diagram } from '../engine/diagram.ts';
import type { Assignment } from '../engine/model.ts';

/** Scratch reused across calls of {@link validValuesOf}, sized for one diagram. */
export interface ValidScratch {
  /** Per node: the call that last settled its liveness, and that liveness. */
  readonly stamp: Int32Array;
  readonly alive: Uint8Array;
  /** Per node: the call that last reached it from the root. */
  readonly reached: Int32Array;
  readonly chosen: Int32Array;
  /** Call counter. */
  readonly call: Int32Array;
}

export function validScratch(d: Diagram): ValidScratch {
  return {
    stamp: new Int32Array(d.nodeLevel.length),
    alive: new Uint8Array(d.nodeLevel.length),
    reached: new Int32Array(d.nodeLevel.length),
    chosen: new Int32Array(d.order.length),
    call: new Int32Array(1),
  };
}

/**
 * The valid values of one variable under an assignment, as value indices in increasing order.
 * Pre: indices valid for `d.model`; `scratch` from this diagram. Post: exactly the values v such that some complete
 * valid build extends `assignment ∪ {variable = v}` (for a chosen variable: its value, if the assignment is
 * consistent); empty iff the assignment has no valid completion.
 *
 * Depth-first from the root down to the variable's level, liveness below settled lazily (memoised per call, a node
 * is live as soon as one allowed edge leads to a live child) and the search stops as soon as every value is
 * shown. Worst case O(edges), like one pass of `validDomains`; on "big" it visits a fraction of the diagram.
 */
export function validValuesOf(
  d: Diagram,
  assignment: Assignment,
  variable: number,
  scratch: ValidScratch = validScratch(d),
): number[] {
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, root } = d;
  if (root < 0) return [];
  const { stamp, alive, reached, chosen } = scratch;
  let call = (scratch.call[0] as number) + 1;
  if (call > 0x3fffffff) call = 1;
  scratch.call[0] = call;
  if (call === 1) {
    stamp.fill(0);
    reached.fill(0);
  }
  chosen.fill(-1);
  for (const [x, v] of assignment) chosen[d.levelOf[x] as number] = v;
  const live = (k: number): boolean => {
    if (k === terminal) return true;
    if (stamp[k] === call) return alive[k] === 1;
    const a = chosen[nodeLevel[k] as number] as number;
    let ok = false;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end && !ok; e++)
      if ((a < 0 || edgeValue[e] === a) && live(edgeChild[e] as number)) ok = true;
    stamp[k] = call;
    alive[k] = ok ? 1 : 0;
    return ok;
  };
  if (!live(root)) return [];
  const target = d.levelOf[variable] as number;
  const size = d.domSize[target] as number;
  const fixed = chosen[target] as number;
  const seen = new Uint8Array(size);
  let shown = 0;
  const whole = fixed >= 0 ? 1 : size;
  const skipsTarget = (): void => {
    if (fixed >= 0) seen[fixed] = 1;
    else seen.fill(1);
    shown = whole;
  };
  // Marks the values of live edges of a node at the target level.
  const atTarget = (k: number): void => {
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end && shown < whole; e++) {
      const v = edgeValue[e] as number;
      if (seen[v] || (fixed >= 0 && v !== fixed) || !live(edgeChild[e] as number)) continue;
      seen[v] = 1;
      shown++;
    }
  };
  // Visits a live node above the target level: every live allowed edge, down to the target level.
  const above = (k: number): void => {
    reached[k] = call;
    const a = chosen[nodeLevel[k] as number] as number;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end && shown < whole; e++) {
      const c = edgeChild[e] as number;
      if ((a >= 0 && edgeValue[e] !== a) || reached[c] === call || !live(c)) continue;
      const lc = nodeLevel[c] as number;
      if (lc > target) skipsTarget();
      else if (lc === target) {
        reached[c] = call;
        atTarget(c);
      } else above(c);
    }
  };
  const rootLevel = nodeLevel[root] as number;
  if (rootLevel > target) skipsTarget();
  else if (rootLevel === target) atTarget(root);
  else above(root);
  const out: number[] = [];
  for (let v = 0; v < size; v++) if (seen[v]) out.push(v);
  return out;
}

/** Bit-parallel scratch for {@link batchValidDomains}. */
export interface BatchScratch {
  readonly alive: Uint32Array;
  readonly reach: Uint32Array;
  /** Per level: bit q set iff assignment q leaves the level free. */
  readonly free: Uint32Array;
  /** Per (level, value) at `levelValue[l] + v`: bit q set iff assignment q may take v there (free or chosen v). */
  readonly allow: Uint32Array;
  /** Per level: the skipped-level intervals ending there, as masks. */
  readonly ending: Uint32Array;
  /** Start of each level's values in `allow` and in the result, plus the total. */
  readonly levelValue: Int32Array;
}

export function batchScratch(d: Diagram): BatchScratch {
  const n = d.order.length;
  const levelValue = new Int32Array(n + 1);
  for (let l = 0; l < n; l++) levelValue[l + 1] = (levelValue[l] as number) + (d.domSize[l] as number);
  return {
    alive: new Uint32Array(d.nodeLevel.length),
    reach: new Uint32Array(d.nodeLevel.length),
    free: new Uint32Array(n),
    allow: new Uint32Array(levelValue[n] as number),
    ending: new Uint32Array(n),
    levelValue,
  };
}

/**
 * Valid domains of up to 32 assignments in one pair of passes.
 * Pre: `assignments.length ≤ 32`, indices valid for `d.model`, `scratch` from this diagram.
 * Post: returns `valid` with bit q of `valid[levelValue[levelOf[x]] + v]` set iff value v of variable x is valid
 * under assignment q, exactly as `validDomains` marks it (all bits clear for an assignment with no completion).
 */
export function batchValidDomains(
  d: Diagram,
  assignments: readonly Assignment[],
  scratch: BatchScratch = batchScratch(d),
): Uint32Array {
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, root, levelOf } = d;
  const { alive, reach, free, allow, ending, levelValue } = scratch;
  const n = d.order.length;
  const valid = new Uint32Array(levelValue[n] as number);
  if (root < 0 || assignments.length === 0) return valid;
  if (assignments.length > 32) throw new RangeError('batchValidDomains takes at most 32 assignments');
  const everyone = assignments.length === 32 ? 0xffffffff : (1 << assignments.length) - 1;
  free.fill(everyone);
  allow.fill(0);
  assignments.forEach((a, q) => {
    for (const [x, v] of a) {
      const l = levelOf[x] as number;
      free[l] = (free[l] as number) & ~(1 << q);
      const i = (levelValue[l] as number) + v;
      allow[i] = (allow[i] as number) | (1 << q);
    }
  });
  for (let l = 0; l < n; l++) {
    const f = free[l] as number;
    for (let i = levelValue[l] as number, end = levelValue[l + 1] as number; i < end; i++)
      allow[i] = (allow[i] as number) | f;
  }
  alive[terminal] = everyone;
  for (let k = terminal - 1; k >= 0; k--) {
    const base = levelValue[nodeLevel[k] as number] as number;
    let live = 0;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++)
      live |= (allow[base + (edgeValue[e] as number)] as number) & (alive[edgeChild[e] as number] as number);
    alive[k] = live;
  }
  const start = alive[root] as number;
  if (start === 0) return valid;
  reach.fill(0, root, terminal + 1);
  reach[root] = start;
  ending.fill(0);
  const rootLevel = nodeLevel[root] as number;
  if (rootLevel > 0) ending[rootLevel - 1] = start;
  // Levels whose skipped-level coverage is final: every interval covering them started at a smaller level.
  let settled = 0;
  const settle = (upTo: number): void => {
    for (; settled < upTo; settled++) {
      let m = 0;
      for (let e = settled; e < n; e++) m |= ending[e] as number;
      if (m === 0) continue;
      for (let i = levelValue[settled] as number, end = levelValue[settled + 1] as number; i < end; i++)
        valid[i] = (valid[i] as number) | (m & (allow[i] as number));
    }
  };
  for (let k = root; k < terminal; k++) {
    const l = nodeLevel[k] as number;
    if (l >= settled) settle(l + 1);
    const r = reach[k] as number;
    if (r === 0) continue;
    const base = levelValue[l] as number;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      const c = edgeChild[e] as number;
      const i = base + (edgeValue[e] as number);
      const m = r & (allow[i] as number) & (alive[c] as number);
      if (m === 0) continue;
      valid[i] = (valid[i] as number) | m;
      reach[c] = (reach[c] as number) | m;
      const lc = nodeLevel[c] as number;
      if (lc > l + 1) ending[lc - 1] = (ending[lc - 1] as number) | m;
    }
  }
  settle(n);
  return valid;
}

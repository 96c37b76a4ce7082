/**
 * Valid domains under a partial assignment, exact: a value is valid iff some complete valid build extends the
 * assignment with it. Two passes over the diagram (Hadzic & Andersen's "valid domains" on a compiled configuration
 * space): backward, the number of completions of each node restricted to the choices (scaled, as a float) and
 * whether it is non-zero; forward, reachability from the root along live edges, marking each live edge's value and
 * each level a live edge skips.
 */
import type { Diagram } from './diagram.ts';
import type { Assignment, Model } from './model.ts';
import { choicesByLevel } from './diagram.ts';

export interface DomainsResult {
  /** Number of valid builds extending the assignment, as a float (exact below 2^53; see count.ts for exact). */
  readonly count: number;
  /** `valid[valueOffset[x] + v]` is 1 iff value v of variable x belongs to some valid completion. */
  readonly valid: Uint8Array;
  /** Start of each variable's values in `valid`, plus the total at the end. */
  readonly valueOffset: Int32Array;
}

export interface DomainsOptions {
  /**
   * Give each chosen variable the values it could switch to while every other choice stays (what a shopper can
   * change a slot to), instead of its chosen value alone. Same single pass: at a variable's own level the edges
   * are taken whatever their value, while reachability above and liveness below still honour all the choices.
   */
  readonly ownChoiceFree?: boolean;
}

/** Scratch arrays reused across clicks, sized for one diagram. */
export interface DomainsScratch {
  readonly scaled: Float64Array;
  readonly alive: Uint8Array;
  readonly reach: Uint8Array;
  readonly skip: Int32Array;
}

/** Allocates the per-diagram scratch space for {@link validDomains}. */
export function domainsScratch(d: Diagram): DomainsScratch {
  const n = d.nodeLevel.length;
  return {
    scaled: new Float64Array(n),
    alive: new Uint8Array(n),
    reach: new Uint8Array(n),
    skip: new Int32Array(d.order.length + 1),
  };
}

/** Start of each variable's values in a flat per-value array, plus the total at the end. */
export function valueOffsets(model: Model): Int32Array {
  const off = new Int32Array(model.variables.length + 1);
  model.variables.forEach((v, x) => (off[x + 1] = (off[x] as number) + v.values.length));
  return off;
}

/**
 * Valid domains and the (float) number of valid completions of an assignment.
 * Pre: the assignment's indices are valid for `d.model`; `scratch` (if given) came from this diagram.
 * Post: `valid` marks exactly the values that extend to a complete valid build (a chosen variable shows at most its
 * chosen value, or with `ownChoiceFree` every value it could take with the other choices kept); all zero and
 * `count === 0` iff the assignment has no valid completion. O(edges + values).
 */
export function validDomains(
  d: Diagram,
  assignment: Assignment,
  scratch: DomainsScratch = domainsScratch(d),
  options: DomainsOptions = {},
): DomainsResult {
  const free = options.ownChoiceFree === true;
  const { nodeLevel, edgeStart, edgeValue, edgeChild, terminal, domSize, order, root } = d;
  const model = d.model;
  const valueOffset = valueOffsets(model);
  const valid = new Uint8Array(valueOffset[model.variables.length] as number);
  if (root < 0) return { count: 0, valid, valueOffset };
  const chosen = choicesByLevel(d, assignment);
  const { scaled, alive, reach, skip } = scratch;
  // Backward: scaled[k] = completions of k / Π_{levels ≥ level(k)} (choices fixed ? 1 : domain size).
  scaled[terminal] = 1;
  alive[terminal] = 1;
  for (let k = terminal - 1; k >= 0; k--) {
    const l = nodeLevel[k] as number;
    const a = chosen[l] as number;
    let s = 0;
    let live = 0;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      const v = edgeValue[e] as number;
      if (a >= 0 && v !== a) continue;
      const c = edgeChild[e] as number;
      s += scaled[c] as number;
      live |= alive[c] as number;
    }
    scaled[k] = a >= 0 ? s : s / (domSize[l] as number);
    alive[k] = live;
  }
  let logBox = 0;
  for (let l = 0; l < order.length; l++)
    if ((chosen[l] as number) < 0) logBox += Math.log(domSize[l] as number);
  if (!alive[root]) return { count: 0, valid, valueOffset };
  const count = Math.round((scaled[root] as number) * Math.exp(logBox));
  // Forward: live edges from reached nodes.
  reach.fill(0);
  skip.fill(0);
  reach[root] = 1;
  const rootLevel = nodeLevel[root] as number;
  if (rootLevel > 0) {
    skip[0] = 1;
    skip[rootLevel] = -1;
  }
  for (let k = root; k < terminal; k++) {
    if (!reach[k]) continue;
    const l = nodeLevel[k] as number;
    const a = chosen[l] as number;
    const base = valueOffset[order[l] as number] as number;
    for (let e = edgeStart[k] as number, end = edgeStart[k + 1] as number; e < end; e++) {
      const v = edgeValue[e] as number;
      const c = edgeChild[e] as number;
      const honours = a < 0 || v === a;
      // Reach honours the choices above; liveness the choices below. So at a variable's own level, an edge from a
      // reached node to a live child is a value it could switch to with every other choice kept.
      if (honours) reach[c] = 1;
      if (!alive[c]) continue;
      if (free) valid[base + v] = 1;
      if (!honours) continue;
      valid[base + v] = 1;
      const lc = nodeLevel[c] as number;
      if (lc > l + 1) {
        skip[l + 1] = (skip[l + 1] as number) + 1;
        skip[lc] = (skip[lc] as number) - 1;
      }
    }
  }
  let open = 0;
  for (let l = 0; l < order.length; l++) {
    open += skip[l] as number;
    if (open <= 0) continue;
    const x = order[l] as number;
    const a = chosen[l] as number;
    const base = valueOffset[x] as number;
    if (a >= 0 && !free) valid[base + a] = 1;
    else valid.fill(1, base, valueOffset[x + 1] as number);
  }
  return { count, valid, valueOffset };
}

/**
 * The valid domains as value names per variable name, in domain order (the CLI's and the UI's shape).
 * Pre: `r` came from {@link validDomains} on a diagram of `model`.
 */
export function namedDomains(model: Model, r: DomainsResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  model.variables.forEach((v, x) => {
    const base = r.valueOffset[x] as number;
    out[v.name] = v.values.filter((_, i) => r.valid[base + i] === 1);
  });
  return out;
}

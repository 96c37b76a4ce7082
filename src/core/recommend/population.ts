/**
 * The population model: what sold builds say about the next choice, given the choices made so far.
 *
 * Learned (one pass over the builds, no randomness, independent of their order): the distinct sold builds with their counts, stored column by
 * column; value counts; pairwise value counts; and for every (target, given) pair of customer variables a mismatch
 * weight β × I(target; given) / H(target), the share of the target's uncertainty that the given variable removes.
 *
 * Predicted: a kernel vote of the sold builds. A distinct build votes for its own value of the target with weight
 * count × exp(−(d − d_min)), where d is the sum of the mismatch weights of the given choices it does not share and
 * d_min the smallest d over all builds; one pseudo-build is spread as the marginal. Builds that agree on every
 * relevant choice count fully, builds that differ only on choices that say little about the target still count,
 * and when no build agrees on everything the closest ones lead: the vote backs off from "buyers of exactly this
 * partial car" to "buyers of cars like it" to the marginal. README.md has the measurements behind the choice.
 */
import type { Model } from '../engine/model.ts';
import type { SoldBuilds } from './sales.ts';

/** β when it is not tuned: within 0.1 point of the best on both BR4CP cars (medium best near 5, big near 20). */
export const DEFAULT_SHARPNESS = 8;
/** Pseudo-builds spread as the marginal, so that a value no similar build has keeps a small share. */
const PRIOR_BUILDS = 1;
/** Given choices whose mismatch weight is below this are skipped (they move no vote by more than 0.1%). */
const NEGLIGIBLE = 1e-3;

export interface Population {
  /** Model variable index of each customer variable (a "column"). */
  readonly variables: Int32Array;
  /** Model variable index → column, or −1 for variables the sales do not cover. */
  readonly column: Int32Array;
  readonly domSize: Int32Array;
  /** Start of each column's values in the flat per-value arrays, plus the total G at the end. */
  readonly valueOffset: Int32Array;
  /** Per column, the value of each distinct sold build. */
  readonly columns: readonly Uint16Array[];
  /** Per distinct build, how many were sold. */
  readonly weight: Float64Array;
  /** Number of sold builds. */
  readonly cars: number;
  /** Sold builds per (column, value), flat by `valueOffset`. */
  readonly marginal: Float64Array;
  /** Sold builds per pair of (column, value): `pair[g * G + h]`. */
  readonly pair: Float64Array;
  /** `information[t * n + i]` = I(column t; column i) / H(column t), in [0, 1]. */
  readonly information: Float64Array;
  /** β: a build loses β × information[t * n + i] of log-weight for differing from given column i, target t. */
  readonly sharpness: number;
}

/** A choice made so far, by column: [column, value index]. */
export type GivenChoice = readonly [number, number];

/** The distinct builds in lexicographic order (so the model does not depend on the order of the sales). */
function distinct(builds: SoldBuilds): { columns: Uint16Array[]; weight: Float64Array } {
  const n = builds.variables.length;
  const seen = new Map<string, number>();
  const first: number[] = [];
  const count: number[] = [];
  for (let r = 0; r < builds.count; r++) {
    const key = builds.rows.subarray(r * n, r * n + n).join(',');
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, first.length);
      first.push(r);
      count.push(1);
    } else count[at] = (count[at] as number) + 1;
  }
  const byRow = first.map((_, i) => i);
  byRow.sort((a, b) => {
    const ra = (first[a] as number) * n;
    const rb = (first[b] as number) * n;
    for (let i = 0; i < n; i++) {
      const diff = (builds.rows[ra + i] as number) - (builds.rows[rb + i] as number);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  const columns = Array.from({ length: n }, (_, i) =>
    Uint16Array.from(byRow, (j) => builds.rows[(first[j] as number) * n + i] as number),
  );
  return { columns, weight: Float64Array.from(byRow, (j) => count[j] as number) };
}

/** I(t; i) / H(t) for every ordered pair of columns, from value and pair counts. */
function information(valueOffset: Int32Array, marginal: Float64Array, pair: Float64Array, cars: number) {
  const n = valueOffset.length - 1;
  const G = valueOffset[n] as number;
  const entropy = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let a = valueOffset[i] as number; a < (valueOffset[i + 1] as number); a++) {
      const p = (marginal[a] as number) / cars;
      if (p > 0) entropy[i] = (entropy[i] as number) - p * Math.log(p);
    }
  const out = new Float64Array(n * n);
  for (let t = 0; t < n; t++) {
    if ((entropy[t] as number) <= 0) continue;
    for (let i = 0; i < n; i++) {
      if (i === t) continue;
      let mi = 0;
      for (let v = valueOffset[t] as number; v < (valueOffset[t + 1] as number); v++) {
        const pv = (marginal[v] as number) / cars;
        if (pv === 0) continue;
        for (let a = valueOffset[i] as number; a < (valueOffset[i + 1] as number); a++) {
          const p = (pair[v * G + a] as number) / cars;
          if (p > 0) mi += p * Math.log(p / (pv * ((marginal[a] as number) / cars)));
        }
      }
      out[t * n + i] = Math.max(0, mi) / (entropy[t] as number);
    }
  }
  return out;
}

/**
 * Learns the population model from complete sold builds.
 * Pre: `builds` was read against `model` (value indices in range). Post: a model over `builds.variables`; the same
 * builds (in any order) and sharpness give an identical model. O(distinct builds × n² + G²).
 */
export function learnPopulation(
  model: Model,
  builds: SoldBuilds,
  sharpness: number = DEFAULT_SHARPNESS,
): Population {
  const variables = builds.variables;
  const n = variables.length;
  const column = new Int32Array(model.variables.length).fill(-1);
  variables.forEach((x, i) => (column[x] = i));
  const domSize = Int32Array.from(
    variables,
    (x) => (model.variables[x] as { values: readonly string[] }).values.length,
  );
  const valueOffset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) valueOffset[i + 1] = (valueOffset[i] as number) + (domSize[i] as number);
  const G = valueOffset[n] as number;
  const { columns, weight } = distinct(builds);
  const marginal = new Float64Array(G);
  const pair = new Float64Array(G * G);
  const at = new Int32Array(n);
  let cars = 0;
  for (let r = 0; r < weight.length; r++) {
    const w = weight[r] as number;
    cars += w;
    for (let i = 0; i < n; i++)
      at[i] = (valueOffset[i] as number) + ((columns[i] as Uint16Array)[r] as number);
    for (let i = 0; i < n; i++) {
      const g = at[i] as number;
      marginal[g] = (marginal[g] as number) + w;
      for (let j = 0; j < n; j++)
        pair[g * G + (at[j] as number)] = (pair[g * G + (at[j] as number)] as number) + w;
    }
  }
  return {
    variables,
    column,
    domSize,
    valueOffset,
    columns,
    weight,
    cars,
    marginal,
    pair,
    information: information(valueOffset, marginal, pair, Math.max(1, cars)),
    sharpness,
  };
}

/** Per-call scratch: two floats per distinct build. */
export function populationScratch(p: Population): Float64Array {
  return new Float64Array(2 * p.weight.length);
}

/**
 * Log-weight a build loses per differing choice on top of β × information when only one or two choices are made:
 * their exact conditional frequencies are then well estimated, whatever the information (BR4CP big: without it naive
 * Bayes, which after one choice is that frequency, is ahead at k = 1).
 */
export function fewChoicesPenalty(k: number): number {
  return k === 0 || k > 2 ? 0 : 3 / (k * k);
}

/**
 * The kernel vote for one target column given the choices made so far.
 * Pre: `given` names columns other than `target` with in-range values; `scratch` from this population.
 * Post: `out[v]` (v < domSize[target]) is the estimated probability of value v, over the whole domain (sums to 1
 * when anything was sold). The caller restricts it to the valid values. O(distinct builds × relevant choices).
 */
export function populationScores(
  p: Population,
  given: readonly GivenChoice[],
  target: number,
  out: Float64Array,
  scratch: Float64Array = populationScratch(p),
): void {
  const n = p.variables.length;
  const C = p.weight.length;
  const dist = scratch;
  dist.fill(0, 0, C);
  for (const [i, a] of given) {
    const w = p.sharpness * (p.information[target * n + i] as number);
    if (w < NEGLIGIBLE) continue;
    const col = p.columns[i] as Uint16Array;
    for (let r = 0; r < C; r++) if (col[r] !== a) dist[r] = (dist[r] as number) + w;
  }
  const few = fewChoicesPenalty(given.length);
  let nearest = Infinity;
  for (let r = 0; r < C; r++) if ((dist[r] as number) < nearest) nearest = dist[r] as number;
  if (few > 0) {
    // Offset by the nearest information distance and the fewest differing choices, as tune.ts does.
    const differ = scratch.subarray(C, 2 * C);
    differ.fill(0);
    for (const [i, a] of given) {
      const col = p.columns[i] as Uint16Array;
      for (let r = 0; r < C; r++) if (col[r] !== a) differ[r] = (differ[r] as number) + few;
    }
    let fewest = Infinity;
    for (let r = 0; r < C; r++) if ((differ[r] as number) < fewest) fewest = differ[r] as number;
    for (let r = 0; r < C; r++) dist[r] = (dist[r] as number) + (differ[r] as number) - fewest;
  }
  const size = p.domSize[target] as number;
  out.fill(0, 0, size);
  const colT = p.columns[target] as Uint16Array;
  let total = 0;
  for (let r = 0; r < C; r++) {
    const k = (p.weight[r] as number) * Math.exp(nearest - (dist[r] as number));
    out[colT[r] as number] = (out[colT[r] as number] as number) + k;
    total += k;
  }
  const base = p.valueOffset[target] as number;
  const cars = Math.max(1, p.cars);
  for (let v = 0; v < size; v++)
    out[v] =
      ((out[v] as number) + (PRIOR_BUILDS * (p.marginal[base + v] as number)) / cars) /
      (total + PRIOR_BUILDS);
}

/** Baseline: value counts (the "most frequent valid value" predictor). Post: out[v] = sold builds with v. */
export function marginalScores(p: Population, target: number, out: Float64Array): void {
  const base = p.valueOffset[target] as number;
  for (let v = 0; v < (p.domSize[target] as number); v++) out[v] = p.marginal[base + v] as number;
}

/**
 * Baseline: naive Bayes, log P(v) + Σ log P(given | v) with add-one smoothing over each given variable's domain
 * (as in the CP 2020 paper's script). Post: out[v] is the log-score of value v.
 */
export function naiveBayesScores(
  p: Population,
  given: readonly GivenChoice[],
  target: number,
  out: Float64Array,
): void {
  const G = p.valueOffset[p.variables.length] as number;
  const base = p.valueOffset[target] as number;
  for (let v = 0; v < (p.domSize[target] as number); v++) {
    const mv = p.marginal[base + v] as number;
    let s = Math.log(mv + 1e-9);
    for (const [i, a] of given)
      s += Math.log(
        ((p.pair[(base + v) * G + (p.valueOffset[i] as number) + a] as number) + 1) /
          (mv + (p.domSize[i] as number)),
      );
    out[v] = s;
  }
}

/**
 * Evidence about each valid value of the variable asked, as numbers the combiner (combiner.ts) weighs: several
 * estimates of P(value | choices so far) from the sold builds, each with its own way of backing off when no sold
 * build shares every choice.
 *
 * - kernel votes of the sold builds at four sharpnesses over the information-weighted distance (population.ts)
 *   and at two over the plain count of differing choices;
 * - the buyers of exactly the partial car, and of it with at most one choice different;
 * - the marginal, naive Bayes, and the most and least favourable single-choice conditional frequency;
 * - the raw counts of exact and one-off matches (log 1 + count), and whether any exact match has the value.
 *
 * Every estimate can leave one distinct build out (`exclude`): the combiner is trained on replayed steps of the
 * training builds with their own configuration left out, as the test builds are new configurations (the protocol
 * keeps identical cars in one fold). Probability-like features are log-normalised over the valid values.
 */
import type { GivenChoice, Population } from './population.ts';

/** Features per candidate value. */
export const FEATURES = 15;
/** The first this many features are log-probabilities, normalised over the valid values. */
const NORMALISED = 12;
/** exp(−θ h) for h differing choices, θ = 1 and 3, tabulated. */
const HAMMING_KERNEL = [1, 3].map((theta) =>
  Float64Array.from({ length: 512 }, (_, h) => Math.exp(-theta * h)),
);
/** Votes accumulated per value: 4 sharp, 2 plain-count, exact, at most one differing. */
const VOTES = 8;
/** A floor for log-features, so that an impossible-looking value stays comparable. */
const FLOOR = -30;

/** Buffers for {@link candidateFeatures}, sized for one population. */
export interface FeatureWork {
  readonly dist: Float64Array;
  readonly differ: Int32Array;
  /** `votes[j * widest + v]`. */
  readonly votes: Float64Array;
  readonly total: Float64Array;
  readonly widest: number;
}

export function featureWork(p: Population): FeatureWork {
  const widest = p.domSize.reduce((m, s) => Math.max(m, s), 1);
  return {
    dist: new Float64Array(p.weight.length),
    differ: new Int32Array(p.weight.length),
    votes: new Float64Array(VOTES * widest),
    total: new Float64Array(VOTES),
    widest,
  };
}

function accumulate(
  p: Population,
  given: readonly GivenChoice[],
  target: number,
  exclude: number,
  w: FeatureWork,
) {
  const n = p.variables.length;
  const C = p.weight.length;
  const { dist, differ, votes, total, widest } = w;
  dist.fill(0);
  differ.fill(0);
  for (const [i, a] of given) {
    const mismatch = p.information[target * n + i] as number;
    const col = p.columns[i] as Uint16Array;
    for (let r = 0; r < C; r++)
      if (col[r] !== a) {
        dist[r] = (dist[r] as number) + mismatch;
        differ[r] = (differ[r] as number) + 1;
      }
  }
  // Offsets by the nearest build (other than the one left out), so that the closest builds always lead.
  let nearest = Infinity;
  let fewest = Infinity;
  for (let r = 0; r < C; r++) {
    if (r === exclude) continue;
    if ((dist[r] as number) < nearest) nearest = dist[r] as number;
    if ((differ[r] as number) < fewest) fewest = differ[r] as number;
  }
  votes.fill(0);
  total.fill(0);
  const colT = p.columns[target] as Uint16Array;
  const [soft, hard] = HAMMING_KERNEL as [Float64Array, Float64Array];
  const add = (j: number, v: number, x: number) => {
    votes[j * widest + v] = (votes[j * widest + v] as number) + x;
    total[j] = (total[j] as number) + x;
  };
  for (let r = 0; r < C; r++) {
    if (r === exclude) continue;
    const v = colT[r] as number;
    const count = p.weight[r] as number;
    // The information-distance votes e^(−β d) for β = 2, 5, 13, 34, as products of powers of one exponential.
    const e = Math.exp(nearest - (dist[r] as number));
    const e2 = e * e;
    const e5 = e2 * e2 * e;
    const e13 = e5 * e5 * e2 * e;
    const e34 = e13 * e13 * e5 * e2 * e;
    add(0, v, count * e2);
    add(1, v, count * e5);
    add(2, v, count * e13);
    add(3, v, count * e34);
    const h = Math.min(511, (differ[r] as number) - fewest);
    add(4, v, count * (soft[h] as number));
    add(5, v, count * (hard[h] as number));
    if (differ[r] === 0) add(6, v, count);
    if ((differ[r] as number) <= 1) add(7, v, count);
  }
}

/**
 * The features of every valid value of `target` given the choices made so far.
 * Pre: `given` names columns other than `target`, in-range values; `valid` non-empty, in range; `exclude` a
 * distinct-build index to leave out of every count, or −1; `out` holds valid.length × {@link FEATURES}.
 * Post: `out[c * FEATURES + f]` is feature f of value `valid[c]`; finite. O(distinct builds × |given|).
 */
export function candidateFeatures(
  p: Population,
  given: readonly GivenChoice[],
  target: number,
  valid: readonly number[],
  exclude: number,
  work: FeatureWork,
  out: Float64Array,
): void {
  accumulate(p, given, target, exclude, work);
  const { votes, total, widest } = work;
  const G = p.valueOffset[p.variables.length] as number;
  const base = p.valueOffset[target] as number;
  const size = p.domSize[target] as number;
  const left = exclude >= 0 ? (p.weight[exclude] as number) : 0;
  const own = (i: number): number => (exclude >= 0 ? ((p.columns[i] as Uint16Array)[exclude] as number) : -1);
  const ownT = own(target);
  const cars = Math.max(0, p.cars - left);
  const marginal = (v: number) => (p.marginal[base + v] as number) - (v === ownT ? left : 0);
  const ownGiven = given.map(([i]) => own(i));
  valid.forEach((v, c) => {
    const o = c * FEATURES;
    const prior = (marginal(v) + 0.5) / (cars + 0.5 * size);
    for (let j = 0; j < 6; j++)
      out[o + j] = Math.log(((votes[j * widest + v] as number) + prior) / ((total[j] as number) + 1));
    for (let j = 6; j < 8; j++)
      out[o + j] = Math.log(((votes[j * widest + v] as number) + 0.5 * prior) / ((total[j] as number) + 0.5));
    out[o + 8] = Math.log(prior);
    // Naive Bayes (add-one, as the baseline) and the single-choice conditionals, all with the build left out.
    const mv = marginal(v);
    let bayes = Math.log(mv + 1e-9);
    let most = given.length === 0 ? Math.log(prior) : -Infinity;
    let least = given.length === 0 ? Math.log(prior) : Infinity;
    given.forEach(([i, a], j) => {
      const shared =
        (p.pair[(base + v) * G + (p.valueOffset[i] as number) + a] as number) -
        (v === ownT && a === ownGiven[j] ? left : 0);
      bayes += Math.log((shared + 1) / (mv + (p.domSize[i] as number)));
      const withA = (p.marginal[(p.valueOffset[i] as number) + a] as number) - (a === ownGiven[j] ? left : 0);
      const conditional = Math.log((shared + prior) / (withA + 1));
      most = Math.max(most, conditional);
      least = Math.min(least, conditional);
    });
    out[o + 9] = bayes;
    out[o + 10] = most;
    out[o + 11] = least;
    out[o + 12] = Math.log(1 + (votes[6 * widest + v] as number));
    out[o + 13] = Math.log(1 + (votes[7 * widest + v] as number));
    out[o + 14] = (votes[6 * widest + v] as number) > 0 ? 1 : 0;
  });
  for (let f = 0; f < NORMALISED; f++) {
    let top = -Infinity;
    for (let c = 0; c < valid.length; c++) top = Math.max(top, out[c * FEATURES + f] as number);
    let sum = 0;
    for (let c = 0; c < valid.length; c++) sum += Math.exp((out[c * FEATURES + f] as number) - top);
    const log = top + Math.log(sum);
    for (let c = 0; c < valid.length; c++)
      out[c * FEATURES + f] = Math.max(FLOOR, (out[c * FEATURES + f] as number) - log);
  }
}

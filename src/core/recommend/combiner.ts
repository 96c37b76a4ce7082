/**
 * The combiner: a conditional-logit (softmax over the valid values) on the features of features.ts, its weights
 * varying smoothly with the share of the car already chosen. Learned on the training builds alone: steps of the
 * evaluation protocol are replayed on sampled sold builds (random order, random step, the engine's exact valid
 * values), each build's own configuration left out of every count, because the builds to predict are new
 * configurations (the protocol keeps identical cars in one fold). Fitted by full-batch Adam with a small L2 penalty,
 * a fixed number of iterations from a fixed start: deterministic for a seed.
 *
 * Why: no single estimate is best everywhere (README.md). Early in a car the single-choice frequencies and naive
 * Bayes lead, late in a car the exact matches mislead (they are other configurations, so they differ exactly on
 * the value asked) and the smooth votes lead; the logit learns how much to trust each, and where.
 */
import type { Diagram } from '../engine/diagram.ts';
import type { Assignment } from '../engine/model.ts';
import {
  candidateFeatures,
  featureWork,
  FEATURES as IMPORTED_FEATURES,
  type FeatureWork,
} from './features.ts';
import type { GivenChoice, Population } from './population.ts';
import { seededRandom, shuffle } from './random.ts';
import { batchScratch, batchValidDomains } from './valid-values.ts';

/** A module-local copy: a live imported binding costs a getter call per use in the hot loops (as transpiled). */
const FEATURES = IMPORTED_FEATURES;
/** Functions of k / (n − 1) each feature is multiplied by: 1, x, x², and indicators of the first steps. */
const BASIS = 6;
export const PARAMETERS = BASIS * FEATURES;
/** Informative replayed steps (two valid values or more) to fit on by default; at most 4 × as many are drawn. */
export const COMBINER_STEPS = 10000;
/**
 * Feature work allowed for the fitting set, in build × (choices + 8) cells: it bounds learning on large sales
 * (BR4CP big, 2,800 distinct builds × 87 variables: about 6,700 steps, fold 0 of the bench); medium stays at
 * {@link COMBINER_STEPS}. A count, not a clock, so that learning stays deterministic.
 */
const WORK_BUDGET = 6e8;
const ITERATIONS = 240;
const RATE = 0.05;
const L2 = 1e-4;

export interface Combiner {
  /** `weights[b * FEATURES + f]`: weight of feature f times basis function b. */
  readonly weights: Float64Array;
  /** Informative steps it was fitted on. */
  readonly steps: number;
}

function basis(k: number, n: number, out: Float64Array): void {
  const x = k / Math.max(1, n - 1);
  out[0] = 1;
  out[1] = x;
  out[2] = x * x;
  out[3] = k === 1 ? 1 : 0;
  out[4] = k === 2 ? 1 : 0;
  out[5] = k >= 3 && k <= 5 ? 1 : 0;
}

/**
 * Scores of the candidates: `score[c]` = Σ weights × basis(k) × features of candidate c (a logit).
 * Pre: `features` from {@link candidateFeatures} for `m` candidates; `score.length ≥ m`.
 */
export function combinedScores(
  c: Combiner,
  features: Float64Array,
  m: number,
  k: number,
  n: number,
  score: Float64Array,
): void {
  const b = new Float64Array(BASIS);
  basis(k, n, b);
  for (let j = 0; j < m; j++) {
    let z = 0;
    for (let q = 0; q < BASIS; q++) {
      const bq = b[q] as number;
      if (bq === 0) continue;
      for (let f = 0; f < FEATURES; f++)
        z += (c.weights[q * FEATURES + f] as number) * bq * (features[j * FEATURES + f] as number);
    }
    score[j] = z;
  }
}

/** Targets asked per replayed prefix: any variable not given yet is equally likely next in a random order, and
 * one prefix's valid domains (the costly part on a large diagram) serve them all. */
const TARGETS_PER_PREFIX = 3;

/**
 * Share of prefixes drawn with k ≤ EARLY_STEPS: the weights of the first steps (basis indicators) need steps there,
 * which a uniform k gives few of on a car of 87 variables. The loss weighs each step by uniform / drawn probability
 * of its k, so the fit still targets the protocol's uniform mix of k.
 */
const EARLY_SHARE = 0.3;
const EARLY_STEPS = 5;

/** Loss weight of a step with k given: P_uniform(k) / P_drawn(k). */
function importance(k: number, n: number): number {
  const uniform = 1 / Math.max(1, n - 1);
  const early = k <= Math.min(EARLY_STEPS, n - 1) ? EARLY_SHARE / Math.min(EARLY_STEPS, n - 1) : 0;
  return uniform / (early + (1 - EARLY_SHARE) * uniform);
}

interface Sample {
  readonly given: GivenChoice[];
  /** Columns asked after this prefix (the next ones of the random order). */
  readonly targets: readonly number[];
  readonly exclude: number;
}

/** Replayed steps of sampled sold builds, drawn from the distinct builds by count (independent of their order). */
function sample(p: Population, random: () => number, count: number): Sample[] {
  const n = p.variables.length;
  const C = p.weight.length;
  const cumulative = new Float64Array(C);
  let sum = 0;
  for (let r = 0; r < C; r++) cumulative[r] = sum += p.weight[r] as number;
  const order = Array.from({ length: n }, (_, i) => i);
  const out: Sample[] = [];
  for (let q = 0; q < count; q++) {
    const x = random() * sum;
    let lo = 0;
    let hi = C - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    shuffle(order, random);
    const k =
      random() < EARLY_SHARE
        ? 1 + Math.floor(random() * Math.min(EARLY_STEPS, n - 1))
        : 1 + Math.floor(random() * (n - 1));
    const value = (i: number) => (p.columns[i] as Uint16Array)[lo] as number;
    out.push({
      given: order.slice(0, k).map((i) => [i, value(i)] as const),
      targets: order.slice(k, k + TARGETS_PER_PREFIX),
      exclude: lo,
    });
  }
  return out;
}

/** The fitting set: per informative step its k, candidate count, truth's position and the features. */
interface Fitting {
  readonly k: number[];
  /** Loss weight of each step ({@link importance}). */
  readonly weight: number[];
  readonly m: number[];
  readonly truth: number[];
  readonly features: Float64Array[];
}

function collect(p: Population, d: Diagram, random: () => number, steps: number): Fitting {
  const fit: Fitting = { k: [], weight: [], m: [], truth: [], features: [] };
  const work: FeatureWork = featureWork(p);
  const scratch = batchScratch(d);
  let spent = 0;
  const full = () => fit.k.length >= steps || spent >= WORK_BUDGET;
  for (let drawn = 0; drawn < 4 * steps && !full(); drawn += 32) {
    const batch = sample(p, random, 32);
    const assignments: Assignment[] = batch.map(
      (s) => new Map(s.given.map(([i, v]) => [p.variables[i] as number, v])),
    );
    const masks = batchValidDomains(d, assignments, scratch);
    batch.forEach((s, q) => {
      for (const target of s.targets) {
        const lv = scratch.levelValue[d.levelOf[p.variables[target] as number] as number] as number;
        const valid: number[] = [];
        for (let v = 0; v < (p.domSize[target] as number); v++)
          if (((masks[lv + v] as number) >>> q) & 1) valid.push(v);
        const truth = valid.indexOf((p.columns[target] as Uint16Array)[s.exclude] as number);
        if (valid.length < 2 || truth < 0 || full()) continue;
        spent += p.weight.length * (s.given.length + 8);
        const out = new Float64Array(valid.length * FEATURES);
        candidateFeatures(p, s.given, target, valid, s.exclude, work, out);
        fit.k.push(s.given.length);
        fit.weight.push(importance(s.given.length, p.variables.length));
        fit.m.push(valid.length);
        fit.truth.push(truth);
        fit.features.push(out);
      }
    });
  }
  return fit;
}

/**
 * Full-batch Adam on the mean negative log-likelihood + L2 / 2 × ‖w‖², from the β = 5 vote alone. Per step the
 * basis-weighted weights are summed first (a logit costs one dot product of FEATURES per candidate).
 */
function fit(data: Fitting, n: number): Float64Array {
  const w = new Float64Array(PARAMETERS);
  w[1] = 1;
  const first = new Float64Array(PARAMETERS);
  const second = new Float64Array(PARAMETERS);
  const grad = new Float64Array(PARAMETERS);
  const bases = data.k.map((k) => {
    const b = new Float64Array(BASIS);
    basis(k, n, b);
    return b;
  });
  const effective = new Float64Array(FEATURES);
  const residualFeatures = new Float64Array(FEATURES);
  const widest = data.m.reduce((m, x) => Math.max(m, x), 1);
  const z = new Float64Array(widest);
  const N = Math.max(
    1e-9,
    data.weight.reduce((a, b) => a + b, 0),
  );
  for (let it = 1; it <= ITERATIONS; it++) {
    grad.fill(0);
    for (let s = 0; s < data.k.length; s++) {
      const m = data.m[s] as number;
      const x = data.features[s] as Float64Array;
      const b = bases[s] as Float64Array;
      effective.fill(0);
      for (let q = 0; q < BASIS; q++) {
        const bq = b[q] as number;
        if (bq !== 0)
          for (let f = 0; f < FEATURES; f++)
            effective[f] = (effective[f] as number) + bq * (w[q * FEATURES + f] as number);
      }
      let top = -Infinity;
      for (let c = 0; c < m; c++) {
        let dot = 0;
        for (let f = 0; f < FEATURES; f++) dot += (effective[f] as number) * (x[c * FEATURES + f] as number);
        z[c] = dot;
        top = Math.max(top, dot);
      }
      let sum = 0;
      for (let c = 0; c < m; c++) sum += z[c] = Math.exp((z[c] as number) - top);
      residualFeatures.fill(0);
      for (let c = 0; c < m; c++) {
        const residual =
          ((z[c] as number) / sum - (c === data.truth[s] ? 1 : 0)) * (data.weight[s] as number);
        for (let f = 0; f < FEATURES; f++)
          residualFeatures[f] = (residualFeatures[f] as number) + residual * (x[c * FEATURES + f] as number);
      }
      for (let q = 0; q < BASIS; q++) {
        const bq = b[q] as number;
        if (bq !== 0)
          for (let f = 0; f < FEATURES; f++)
            grad[q * FEATURES + f] =
              (grad[q * FEATURES + f] as number) + bq * (residualFeatures[f] as number);
      }
    }
    for (let j = 0; j < PARAMETERS; j++) {
      const g = (grad[j] as number) / N + L2 * (w[j] as number);
      first[j] = 0.9 * (first[j] as number) + 0.1 * g;
      second[j] = 0.999 * (second[j] as number) + 0.001 * g * g;
      const step =
        (first[j] as number) /
        (1 - 0.9 ** it) /
        (Math.sqrt((second[j] as number) / (1 - 0.999 ** it)) + 1e-8);
      w[j] = (w[j] as number) - RATE * step;
    }
  }
  return w;
}

/**
 * Learns the combiner's weights on the training builds behind `p`, from at most `steps` informative replayed steps
 * (fewer when the work budget is reached first).
 * Pre: `p` learned from the builds; `d` compiles their model; `steps` ≥ 1. Post: deterministic for (builds, seed); with fewer than
 * two distinct builds or no informative step, null (the caller keeps the plain vote).
 */
export function learnCombiner(
  p: Population,
  d: Diagram,
  seed: number,
  steps: number = COMBINER_STEPS,
): Combiner | null {
  if (p.weight.length < 2 || p.variables.length < 2) return null;
  const data = collect(p, d, seededRandom(seed), steps);
  if (data.k.length === 0) return null;
  return { weights: fit(data, p.variables.length), steps: data.k.length };
}

/**
 * The published protocol (Brouard, de Givry, Schiex et al., CP 2020) for scoring a next-choice predictor on sold
 * builds: for each test build a seeded random order of its customer variables; at step k its first k values are
 * given and the value of the next variable is predicted among the engine's exact valid values. The recommender
 * and both baselines (most frequent valid value; naive Bayes restricted to valid values) answer the same steps.
 * Only the training builds reach the learner.
 */
import type { Diagram } from '../engine/diagram.ts';
import type { Assignment } from '../engine/model.ts';
import { marginalScores, naiveBayesScores, type GivenChoice } from './population.ts';
import {
  learnRecommender,
  recommend,
  recommendScratch,
  type LearnOptions,
  type Recommender,
} from './recommend.ts';
import { seededRandom, shuffle } from './random.ts';
import type { SoldBuilds } from './sales.ts';
import { batchScratch, batchValidDomains } from './valid-values.ts';

/**
 * Fold of each build for k-fold cross-validation, identical builds always in the same fold.
 * Post: groups of identical builds in seeded random order, largest first, each to the fold with fewest builds so
 * far (lowest index on ties); deterministic for a seed.
 */
export function groupedFolds(builds: SoldBuilds, folds: number, seed: number): Int32Array {
  const n = builds.variables.length;
  const groups = new Map<string, number[]>();
  for (let r = 0; r < builds.count; r++) {
    const key = builds.rows.subarray(r * n, r * n + n).join(',');
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const order = shuffle([...groups.values()], seededRandom(seed)).sort((a, b) => b.length - a.length);
  const size = new Array<number>(folds).fill(0);
  const fold = new Int32Array(builds.count);
  for (const g of order) {
    let f = 0;
    for (let j = 1; j < folds; j++) if ((size[j] as number) < (size[f] as number)) f = j;
    size[f] = (size[f] as number) + g.length;
    for (const r of g) fold[r] = f;
  }
  return fold;
}

/** Raw tallies of one evaluation, mergeable over folds. */
export interface Tally {
  /** Per k (values given): steps, and correct predictions of the recommender and the two baselines. */
  readonly steps: number[];
  readonly correct: number[];
  readonly marginal: number[];
  readonly naiveBayes: number[];
  /** Per k, steps the recommender got right and a baseline wrong (won), and the reverse (lost). */
  readonly versusMarginal: { readonly won: number[]; readonly lost: number[] };
  readonly versusNaiveBayes: { readonly won: number[]; readonly lost: number[] };
  /** Steps with one valid value, and steps where the given values had no valid completion. */
  forced: number;
  inconsistent: number;
  learnMs: number;
  /** The same learning in CPU time of this process (when a `cpuClock` is given, else 0): on a shared machine the
   * wall time counts other sessions' work too. */
  learnCpuMs: number;
  /** β the learner chose (one per split). */
  readonly sharpness: number[];
  /** Per sampled step: the whole recommendation (incl. the variable's valid values), and the ranking alone. */
  readonly recommendMs: number[];
  /** The sampled whole recommendations in CPU time (when a `cpuClock` is given). */
  readonly recommendCpuMs: number[];
  readonly modelMs: number[];
  /** Sampled steps where the single-call path disagreed with the batched one (must stay 0). */
  disagreements: number;
}

export function emptyTally(n: number): Tally {
  const z = () => new Array<number>(n).fill(0);
  return {
    steps: z(),
    correct: z(),
    marginal: z(),
    naiveBayes: z(),
    versusMarginal: { won: z(), lost: z() },
    versusNaiveBayes: { won: z(), lost: z() },
    forced: 0,
    inconsistent: 0,
    learnMs: 0,
    learnCpuMs: 0,
    sharpness: [],
    recommendMs: [],
    recommendCpuMs: [],
    modelMs: [],
    disagreements: 0,
  };
}

export interface EvaluateOptions extends LearnOptions {
  readonly seed: number;
  /** Steps timed one by one through {@link recommend} (deterministic sample). Default 2000. */
  readonly latencySamples?: number;
  readonly clock?: () => number;
  /** CPU time of this process in ms (e.g. from process.cpuUsage()), for the CPU-time figures. */
  readonly cpuClock?: () => number;
  /**
   * Score only the steps with fewer than this many values given (default: all). The first steps are cheap to
   * replay (short prefixes), so comparing predictors there takes minutes instead of half an hour on big; the tally
   * keeps one entry per k, zero beyond.
   */
  readonly maxK?: number;
}

function argmaxValid(valid: readonly number[], score: Float64Array): number {
  let best = valid[0] as number;
  for (const v of valid) if ((score[v] as number) > (score[best] as number)) best = v;
  return best;
}

/**
 * Learns on `train` and replays every build of `test` under the protocol.
 * Pre: both read against `d.model` over the same variables. Post: a tally over test.count × min(n, maxK) steps
 * (k < maxK; by-k arrays of length n); the learner sees only `train`; same inputs and seed → same counts, and the
 * counts at k < maxK are those of the full evaluation (the orders are drawn in full either way).
 */
export function evaluateSplit(
  d: Diagram,
  train: SoldBuilds,
  test: SoldBuilds,
  options: EvaluateOptions,
): Tally {
  const clock = options.clock ?? (() => performance.now());
  const n = test.variables.length;
  const tally = emptyTally(n);
  const cpuClock = options.cpuClock;
  const t0 = clock();
  const c0 = cpuClock?.() ?? 0;
  const rec: Recommender = learnRecommender(d.model, train, { ...options, diagram: d });
  tally.learnMs = clock() - t0;
  tally.learnCpuMs = cpuClock === undefined ? 0 : cpuClock() - c0;
  tally.sharpness.push(rec.population.sharpness);
  const p = rec.population;
  const random = seededRandom(options.seed);
  const scored = Math.max(0, Math.min(n, options.maxK ?? n));
  const totalSteps = test.count * scored;
  const sampleEvery = Math.max(1, Math.floor(totalSteps / (options.latencySamples ?? 2000)));
  const scratch = recommendScratch(rec, d);
  const batch = batchScratch(d);
  const baseline = new Float64Array(scratch.scores.length);
  const order = Array.from({ length: n }, (_, i) => i);
  let step = 0;
  for (let c = 0; c < test.count; c++) {
    const row = test.rows.subarray(c * n, c * n + n);
    shuffle(order, random);
    const prefixes: Assignment[] = [];
    const prefix = new Map<number, number>();
    for (let k = 0; k < scored; k++) {
      prefixes.push(new Map(prefix));
      const i = order[k] as number;
      prefix.set(test.variables[i] as number, row[i] as number);
    }
    for (let b = 0; b < scored; b += 32) {
      const masks = batchValidDomains(d, prefixes.slice(b, b + 32), batch);
      for (let k = b; k < Math.min(scored, b + 32); k++, step++) {
        const i = order[k] as number;
        const x = test.variables[i] as number;
        const truth = row[i] as number;
        const lv = batch.levelValue[d.levelOf[x] as number] as number;
        const valid: number[] = [];
        for (let v = 0; v < (p.domSize[i] as number); v++)
          if (((masks[lv + v] as number) >>> (k - b)) & 1) valid.push(v);
        tally.steps[k] = (tally.steps[k] as number) + 1;
        if (valid.length === 0) {
          tally.inconsistent++;
          continue;
        }
        const assignment = prefixes[k] as Assignment;
        let predicted = valid[0] as number;
        let marginalOk = truth === predicted;
        let naiveBayesOk = marginalOk;
        if (valid.length === 1) tally.forced++;
        else {
          const s = clock();
          const r = recommend(rec, d, assignment, x, { valid, scratch });
          tally.modelMs.push(clock() - s);
          predicted = (r?.ranked[0]?.value ?? -1) as number;
          const given: GivenChoice[] = [];
          for (let j = 0; j < k; j++) given.push([order[j] as number, row[order[j] as number] as number]);
          marginalScores(p, i, baseline);
          marginalOk = argmaxValid(valid, baseline) === truth;
          naiveBayesScores(p, given, i, baseline);
          naiveBayesOk = argmaxValid(valid, baseline) === truth;
        }
        const ok = predicted === truth;
        const bump = (xs: number[], yes: boolean) => {
          if (yes) xs[k] = (xs[k] as number) + 1;
        };
        bump(tally.correct, ok);
        bump(tally.marginal, marginalOk);
        bump(tally.naiveBayes, naiveBayesOk);
        bump(tally.versusMarginal.won, ok && !marginalOk);
        bump(tally.versusMarginal.lost, !ok && marginalOk);
        bump(tally.versusNaiveBayes.won, ok && !naiveBayesOk);
        bump(tally.versusNaiveBayes.lost, !ok && naiveBayesOk);
        if (step % sampleEvery === 0) {
          const c = cpuClock?.() ?? 0;
          const s = clock();
          const r = recommend(rec, d, assignment, x, { scratch });
          tally.recommendMs.push(clock() - s);
          if (cpuClock !== undefined) tally.recommendCpuMs.push(cpuClock() - c);
          if (r?.ranked[0]?.value !== predicted) tally.disagreements++;
        }
      }
    }
  }
  return tally;
}

/** Adds `b` into `a` (folds pooled). */
export function mergeTally(a: Tally, b: Tally): Tally {
  const add = (x: number[], y: readonly number[]) => y.forEach((v, i) => (x[i] = (x[i] as number) + v));
  add(a.steps, b.steps);
  add(a.correct, b.correct);
  add(a.marginal, b.marginal);
  add(a.naiveBayes, b.naiveBayes);
  add(a.versusMarginal.won, b.versusMarginal.won);
  add(a.versusMarginal.lost, b.versusMarginal.lost);
  add(a.versusNaiveBayes.won, b.versusNaiveBayes.won);
  add(a.versusNaiveBayes.lost, b.versusNaiveBayes.lost);
  a.forced += b.forced;
  a.inconsistent += b.inconsistent;
  a.learnMs += b.learnMs;
  a.learnCpuMs += b.learnCpuMs;
  a.sharpness.push(...b.sharpness);
  a.recommendMs.push(...b.recommendMs);
  a.recommendCpuMs.push(...b.recommendCpuMs);
  a.modelMs.push(...b.modelMs);
  a.disagreements += b.disagreements;
  return a;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const ratio = (num: readonly number[], den: readonly number[]): number =>
  num.reduce((s, x) => s + x, 0) /
  Math.max(
    1,
    den.reduce((s, x) => s + x, 0),
  );

/** p50 and p95 of a sample, in ms. */
export function percentiles(xs: readonly number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0, 3);
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * Steps k where the recommender is not above a baseline, and where it is significantly below: a paired sign test
 * on the steps where exactly one of the two is right, z = (won − lost) / √(won + lost) < −1.96.
 */
function belowAt(v: { readonly won: readonly number[]; readonly lost: readonly number[] }) {
  const notAbove: number[] = [];
  const significantlyBelow: number[] = [];
  v.won.forEach((w, k) => {
    const l = v.lost[k] as number;
    if (w <= l) notAbove.push(k);
    if (w + l > 0 && (w - l) / Math.sqrt(w + l) < -1.96) significantlyBelow.push(k);
  });
  return { notAbove, significantlyBelow };
}

/** The figures of one tally: precisions as fractions of steps (4 decimals), times in ms. */
export function summarize(t: Tally, folds = 1) {
  return {
    precision: round(ratio(t.correct, t.steps), 4),
    precision_by_k: t.correct.map((c, k) => round(c / Math.max(1, t.steps[k] as number), 4)),
    baseline_marginal: round(ratio(t.marginal, t.steps), 4),
    baseline_naive_bayes: round(ratio(t.naiveBayes, t.steps), 4),
    baseline_marginal_by_k: t.marginal.map((c, k) => round(c / Math.max(1, t.steps[k] as number), 4)),
    baseline_naive_bayes_by_k: t.naiveBayes.map((c, k) => round(c / Math.max(1, t.steps[k] as number), 4)),
    learn_ms: Math.round(t.learnMs / folds),
    learn_cpu_ms: Math.round(t.learnCpuMs / folds),
    sharpness: t.sharpness,
    recommend_ms: percentiles(t.recommendMs),
    recommend_cpu_ms: percentiles(t.recommendCpuMs),
    model_ms: percentiles(t.modelMs),
    k_not_above_marginal: belowAt(t.versusMarginal).notAbove,
    k_not_above_naive_bayes: belowAt(t.versusNaiveBayes).notAbove,
    k_significantly_below_a_baseline: [
      ...new Set([
        ...belowAt(t.versusMarginal).significantlyBelow,
        ...belowAt(t.versusNaiveBayes).significantlyBelow,
      ]),
    ].sort((a, b) => a - b),
    steps: t.steps.reduce((s, x) => s + x, 0),
    forced_share: round(
      t.forced /
        Math.max(
          1,
          t.steps.reduce((s, x) => s + x, 0),
        ),
      4,
    ),
    inconsistent_steps: t.inconsistent,
    latency_samples: t.recommendMs.length,
    disagreements: t.disagreements,
  };
}

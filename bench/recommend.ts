/**
 * Recommender benchmark (issue 11): the published protocol on the two BR4CP cars with their year of sales —
 * 10-fold cross-validation over the sold cars (identical cars in the same fold), a seeded random order of each
 * test car's customer variables, the next value predicted at every step among the engine's exact valid values;
 * the recommender and both baselines answer the same steps. One JSON line per instance, averaged over the folds;
 * progress per fold on stderr. Each instance is compiled once; latency is sampled through the single-call path.
 * Run: npx tsx bench/recommend.ts [medium] [big] [--seed N] [--folds K] [--sharpness B] [--max-k N]
 * `--max-k N` scores only the steps with fewer than N values given (the same steps as the full run, by-k figures
 * zero beyond): minutes instead of half an hour on big, for comparing the first steps.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compileModel } from '../src/core/engine/compile.ts';
import { importXcsp } from '../src/core/engine/import/xcsp.ts';
import { indexModel } from '../src/core/engine/model.ts';
import {
  emptyTally,
  evaluateSplit,
  groupedFolds,
  mergeTally,
  percentiles,
  summarize,
} from '../src/core/recommend/evaluate.ts';
import { parseSales, selectBuilds } from '../src/core/recommend/sales.ts';
import { benchDataNotice, benchDataPresent, benchFile } from '../test/fixtures/bench-data.ts';

const INSTANCES = ['medium', 'big'] as const;

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  args.splice(i, 2);
  return v;
}

/** CPU time of this process in ms: on the shared machine other sessions' load inflates the wall times. */
const cpuClock = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

function benchInstance(name: string, seed: number, folds: number, sharpness?: number, maxK?: number): void {
  const started = performance.now();
  const model = importXcsp(readFileSync(benchFile(`renault-br4cp/${name}.xml`), 'utf8'));
  const d = compileModel(model);
  const compileMs = performance.now() - started;
  const builds = parseSales(
    model,
    indexModel(model),
    readFileSync(benchFile(`renault-br4cp/config_${name}_filtered.txt`), 'utf8'),
  );
  const fold = groupedFolds(builds, folds, seed);
  const n = builds.variables.length;
  const perFold: ReturnType<typeof summarize>[] = [];
  const pooled = emptyTally(n);
  let learnMax = 0;
  let learnCpuMax = 0;
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let r = 0; r < builds.count; r++) (fold[r] === f ? test : train).push(r);
    const t = evaluateSplit(d, selectBuilds(builds, train), selectBuilds(builds, test), {
      seed: seed * 1000 + f,
      latencySamples: 1000,
      cpuClock,
      ...(sharpness === undefined ? {} : { sharpness }),
      ...(maxK === undefined ? {} : { maxK }),
    });
    const s = summarize(t);
    perFold.push(s);
    learnMax = Math.max(learnMax, t.learnMs);
    learnCpuMax = Math.max(learnCpuMax, t.learnCpuMs);
    mergeTally(pooled, t);
    process.stderr.write(
      `${name} fold ${f}: precision ${s.precision} (marginal ${s.baseline_marginal}, naive Bayes ` +
        `${s.baseline_naive_bayes}), learn ${s.learn_ms} ms (CPU ${s.learn_cpu_ms}), recommend p95 ${s.recommend_ms.p95} ms ` +
        `(CPU ${s.recommend_cpu_ms.p95}), ` +
        `${Math.round((performance.now() - started) / 1000)} s\n`,
    );
  }
  const avg = (pick: (s: (typeof perFold)[number]) => number) => round(mean(perFold.map(pick)), 4);
  const avgByK = (pick: (s: (typeof perFold)[number]) => readonly number[]) =>
    Array.from({ length: n }, (_, k) => round(mean(perFold.map((s) => pick(s)[k] as number)), 4));
  const precisionByK = avgByK((s) => s.precision_by_k);
  const marginalByK = avgByK((s) => s.baseline_marginal_by_k);
  const naiveBayesByK = avgByK((s) => s.baseline_naive_bayes_by_k);
  const all = summarize(pooled);
  console.log(
    JSON.stringify({
      instance: `br4cp-${name}`,
      folds,
      seed,
      ...(maxK === undefined ? {} : { max_k: maxK }),
      cars: builds.count,
      precision: avg((s) => s.precision),
      precision_by_k: precisionByK,
      baseline_marginal: avg((s) => s.baseline_marginal),
      baseline_naive_bayes: avg((s) => s.baseline_naive_bayes),
      learn_ms: Math.round(mean(perFold.map((s) => s.learn_ms))),
      recommend_ms: percentiles(pooled.recommendMs),
      model_ms: percentiles(pooled.modelMs),
      learn_ms_max: Math.round(learnMax),
      learn_cpu_ms: Math.round(mean(perFold.map((s) => s.learn_cpu_ms))),
      learn_cpu_ms_max: Math.round(learnCpuMax),
      recommend_cpu_ms: percentiles(pooled.recommendCpuMs),
      load_average: loadavg().map((x) => round(x, 2)),
      baseline_marginal_by_k: marginalByK,
      baseline_naive_bayes_by_k: naiveBayesByK,
      k_not_above_marginal: all.k_not_above_marginal,
      k_not_above_naive_bayes: all.k_not_above_naive_bayes,
      k_significantly_below_a_baseline: all.k_significantly_below_a_baseline,
      // Pooled paired counts behind the two lists above: steps only the recommender got right (won), only the
      // baseline (lost).
      versus_marginal: pooled.versusMarginal,
      versus_naive_bayes: pooled.versusNaiveBayes,
      precision_folds: perFold.map((s) => s.precision),
      sharpness_folds: pooled.sharpness,
      steps: all.steps,
      forced_share: all.forced_share,
      inconsistent_steps: all.inconsistent_steps,
      latency_samples: all.latency_samples,
      disagreements: all.disagreements,
      compile_ms: Math.round(compileMs),
      elapsed_s: Math.round((performance.now() - started) / 1000),
    }),
  );
}

const args = process.argv.slice(2);
const seed = option(args, 'seed', 1);
const folds = option(args, 'folds', 10);
const sharpnessArg = option(args, 'sharpness', Number.NaN);
const maxKArg = option(args, 'max-k', Number.NaN);
if (!benchDataPresent) {
  console.error(benchDataNotice('recommender benchmark on the BR4CP cars'));
} else {
  for (const name of INSTANCES)
    if (args.length === 0 || args.includes(name))
      benchInstance(
        name,
        seed,
        folds,
        Number.isNaN(sharpnessArg) ? undefined : sharpnessArg,
        Number.isNaN(maxKArg) ? undefined : maxKArg,
      );
}

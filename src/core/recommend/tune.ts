/**
 * Chooses the population model's β on the training builds themselves. Steps of the evaluation protocol are
 * replayed on sampled sold builds (random order, random step k ≥ 1, the engine's exact valid values), each build's
 * own configuration left out of the vote, since the builds to predict are new configurations (the protocol keeps
 * identical cars in one fold). The β of {@link SHARPNESS_GRID} with the most correct first choices wins (ties: the
 * smaller β). Steps with a single valid value tell nothing and are not counted.
 *
 * Why tune: the best β depends on the data (README.md: BR4CP medium does best near 5, big near 20), and the
 * difference is worth 0.1 point on each.
 */
import type { Diagram } from '../engine/diagram.ts';
import type { Assignment } from '../engine/model.ts';
import { fewChoicesPenalty, type Population } from './population.ts';
import { seededRandom, shuffle } from './random.ts';
import type { SoldBuilds } from './sales.ts';
import { batchScratch, batchValidDomains } from './valid-values.ts';

/**
 * Fibonacci numbers, so that each exp(−β d) is the product of the previous two. Below 3 the vote is too close to
 * the marginal after one or two choices (measured on BR4CP medium: β = 2 loses to naive Bayes at k = 1).
 */
export const SHARPNESS_GRID: readonly number[] = [3, 5, 8, 13, 21, 34];
/** Replayed steps; on BR4CP big (87 variables, 2,800 distinct builds) about 2 s on one idle core. */
export const TUNING_STEPS = 8000;

interface Step {
  readonly config: number;
  readonly target: number;
  readonly truth: number;
  readonly given: readonly (readonly [number, number])[];
  readonly assignment: Assignment;
}

function sampleSteps(p: Population, builds: SoldBuilds, random: () => number, count: number): Step[] {
  const n = builds.variables.length;
  const configOf = new Map<string, number>();
  for (let r = 0; r < p.weight.length; r++) configOf.set(p.columns.map((c) => c[r]).join(','), r);
  const order = Array.from({ length: n }, (_, i) => i);
  const steps: Step[] = [];
  for (let q = 0; q < count && builds.count > 0 && n > 1; q++) {
    const row = Math.floor(random() * builds.count);
    const values = builds.rows.subarray(row * n, row * n + n);
    shuffle(order, random);
    const k = 1 + Math.floor(random() * (n - 1));
    const given = order.slice(0, k).map((i) => [i, values[i] as number] as const);
    steps.push({
      config: configOf.get(values.join(',')) as number,
      target: order[k] as number,
      truth: values[order[k] as number] as number,
      given,
      assignment: new Map(given.map(([i, v]) => [builds.variables[i] as number, v])),
    });
  }
  return steps;
}

/** Per β of the grid, whether the leave-configuration-out vote ranks the truth first among `valid`. */
function judge(
  p: Population,
  step: Step,
  valid: readonly number[],
  dist: Float64Array,
  differ: Float64Array,
  votes: Float64Array[],
): boolean[] {
  const n = p.variables.length;
  const C = p.weight.length;
  dist.fill(0);
  for (const [i, a] of step.given) {
    const w = p.information[step.target * n + i] as number;
    const col = p.columns[i] as Uint16Array;
    for (let r = 0; r < C; r++) if (col[r] !== a) dist[r] = (dist[r] as number) + w;
  }
  let nearest = Infinity;
  for (let r = 0; r < C; r++)
    if (r !== step.config && (dist[r] as number) < nearest) nearest = dist[r] as number;
  // Differing choices when only one or two are made (population.ts), offset by the fewest, as there.
  const few = fewChoicesPenalty(step.given.length);
  differ.fill(0);
  if (few > 0)
    for (const [i, a] of step.given) {
      const col = p.columns[i] as Uint16Array;
      for (let r = 0; r < C; r++) if (col[r] !== a) differ[r] = (differ[r] as number) + few;
    }
  let fewest = Infinity;
  for (let r = 0; r < C; r++)
    if (r !== step.config && (differ[r] as number) < fewest) fewest = differ[r] as number;
  const colT = p.columns[step.target] as Uint16Array;
  for (const v of votes) v.fill(0);
  for (let r = 0; r < C; r++) {
    if (r === step.config) continue;
    const v = colT[r] as number;
    const w = p.weight[r] as number;
    // kernel = exp(−β (d − nearest)) for β = 1, 2, 3, 5, 8, …: each the product of the previous two.
    const offset = Math.exp(fewest - (differ[r] as number));
    let older = Math.exp(nearest - (dist[r] as number));
    let kernel = older * older;
    let beta = 2;
    let before = 1;
    for (let b = 0; b < SHARPNESS_GRID.length;) {
      if (beta >= (SHARPNESS_GRID[b] as number)) {
        const votesB = votes[b] as Float64Array;
        votesB[v] = (votesB[v] as number) + w * offset * kernel;
        b++;
      }
      const nextBeta = beta + before;
      before = beta;
      beta = nextBeta;
      const next = kernel * older;
      older = kernel;
      kernel = next;
    }
  }
  // The same ranking as recommend(): vote plus one pseudo-build spread as the marginal, ties by count.
  const base = p.valueOffset[step.target] as number;
  const count = (x: number) => p.marginal[base + x] as number;
  const cars = Math.max(1, p.cars);
  return votes.map((vb) => {
    const score = (x: number) => (vb[x] as number) + count(x) / cars;
    let best = valid[0] as number;
    for (const x of valid)
      if (score(x) > score(best) || (score(x) === score(best) && count(x) > count(best))) best = x;
    return best === step.truth;
  });
}

export interface Tuning {
  readonly sharpness: number;
  /** Informative steps replayed, and correct first choices per β of the grid. */
  readonly informative: number;
  readonly correct: number[];
}

/**
 * The grid's best β for these builds.
 * Pre: `p` learned from `builds`; `d` compiles the model they were read against. Post: deterministic for a seed;
 * with no informative step (e.g. a single sold configuration), `p.sharpness`.
 */
export function tuneSharpness(
  p: Population,
  builds: SoldBuilds,
  d: Diagram,
  seed: number,
  steps = TUNING_STEPS,
): Tuning {
  const sample = sampleSteps(p, builds, seededRandom(seed), steps);
  const scratch = batchScratch(d);
  const dist = new Float64Array(p.weight.length);
  const differ = new Float64Array(p.weight.length);
  const widest = p.domSize.reduce((m, s) => Math.max(m, s), 1);
  const votes = SHARPNESS_GRID.map(() => new Float64Array(widest));
  const correct = SHARPNESS_GRID.map(() => 0);
  let informative = 0;
  for (let s = 0; s < sample.length; s += 32) {
    const batch = sample.slice(s, s + 32);
    const masks = batchValidDomains(
      d,
      batch.map((q) => q.assignment),
      scratch,
    );
    batch.forEach((step, q) => {
      const x = p.variables[step.target] as number;
      const lv = scratch.levelValue[d.levelOf[x] as number] as number;
      const valid: number[] = [];
      for (let v = 0; v < (p.domSize[step.target] as number); v++)
        if (((masks[lv + v] as number) >>> q) & 1) valid.push(v);
      if (valid.length < 2) return;
      informative++;
      judge(p, step, valid, dist, differ, votes).forEach((ok, b) => {
        if (ok) correct[b] = (correct[b] as number) + 1;
      });
    });
  }
  if (informative === 0) return { sharpness: p.sharpness, informative, correct };
  let best = 0;
  for (let b = 1; b < correct.length; b++) if ((correct[b] as number) > (correct[best] as number)) best = b;
  return { sharpness: SHARPNESS_GRID[best] as number, informative, correct };
}

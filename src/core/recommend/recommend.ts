/**
 * Recommend a value for one variable of a partial build: the engine's exact valid values, ranked by the
 * population model blended with the customer's own evidence, the first explained in one sentence.
 */
import type { Diagram } from '../engine/diagram.ts';
import type { Assignment, Model } from '../engine/model.ts';
import { combinedScores, learnCombiner, type Combiner } from './combiner.ts';
import { explainReason, modelLabel, sentence, type Label, type Reason } from './explain.ts';
import { candidateFeatures, featureWork, FEATURES, type FeatureWork } from './features.ts';
import { personalEvidence, type CustomerHistory } from './personal.ts';
import {
  DEFAULT_SHARPNESS,
  learnPopulation,
  populationScores,
  populationScratch,
  type GivenChoice,
  type Population,
} from './population.ts';
import type { SoldBuilds } from './sales.ts';
import { tuneSharpness } from './tune.ts';
import { validScratch, validValuesOf, type ValidScratch } from './valid-values.ts';

export interface Recommender {
  readonly model: Model;
  readonly population: Population;
  /** The learned combiner of the population's estimates (combiner.ts); null: the plain vote ranks. */
  readonly combiner: Combiner | null;
}

export interface LearnOptions {
  /** β of the population model. When given, the plain vote with this β ranks (no combiner is learned). */
  readonly sharpness?: number;
  /** The compiled model: with it (and no `sharpness`) the combiner is learned with the engine's valid values;
   * without it the plain vote with {@link DEFAULT_SHARPNESS} ranks. */
  readonly diagram?: Diagram;
  /** Seed of the combiner's replayed steps (default 0). */
  readonly seed?: number;
  /** Informative replayed steps the combiner is fitted on (default COMBINER_STEPS of combiner.ts; small in tests). */
  readonly combinerSteps?: number;
  /** When true with a diagram, β is tuned (tune.ts) and the plain vote ranks (no combiner): the previous model. */
  readonly voteOnly?: boolean;
}

/**
 * Learns a recommender from complete sold builds.
 * Pre: `builds` read against `model` (which `options.diagram` compiles). Post: deterministic — the same builds,
 * options and seed give the same model, whatever the order of the builds.
 */
export function learnRecommender(model: Model, builds: SoldBuilds, options: LearnOptions = {}): Recommender {
  const population = learnPopulation(model, builds, options.sharpness ?? DEFAULT_SHARPNESS);
  if (options.sharpness !== undefined || options.diagram === undefined)
    return { model, population, combiner: null };
  if (options.voteOnly === true) {
    const { sharpness } = tuneSharpness(population, builds, options.diagram, options.seed ?? 0);
    return { model, population: { ...population, sharpness }, combiner: null };
  }
  return {
    model,
    population,
    combiner: learnCombiner(population, options.diagram, options.seed ?? 0, options.combinerSteps),
  };
}

/** Buffers reused across recommendations on one diagram. */
export interface RecommendScratch {
  /** Null without a diagram (a catalog held as a d-DNNF): callers then give the valid values. */
  readonly valid: ValidScratch | null;
  readonly kernel: Float64Array;
  readonly scores: Float64Array;
  readonly features: FeatureWork;
  /** Candidate features and logits of one call. */
  readonly candidates: Float64Array;
  readonly logits: Float64Array;
}

export function recommendScratch(rec: Recommender, d: Diagram | undefined): RecommendScratch {
  const widest = rec.model.variables.reduce((m, v) => Math.max(m, v.values.length), 1);
  return {
    valid: d ? validScratch(d) : null,
    kernel: populationScratch(rec.population),
    scores: new Float64Array(widest),
    features: featureWork(rec.population),
    candidates: new Float64Array(widest * FEATURES),
    logits: new Float64Array(widest),
  };
}

export interface RankedValue {
  readonly value: number;
  /** Blended score: (1 − w) × population + w × personal; the ranking key. */
  readonly score: number;
  /** Population probability, renormalised over the valid values. */
  readonly population: number;
  /** Personal probability over the valid values (0 without personal evidence). */
  readonly personal: number;
}

export interface Recommendation {
  readonly variable: number;
  /** The valid values, best first. */
  readonly ranked: readonly RankedValue[];
  /** Why the first value: one sentence (English, the model's names or `label`). */
  readonly explanation: string;
  /** The same as data, for an interface to word in its language. */
  readonly reason: Reason;
  /** Weight w of the customer's own evidence in the blend (0 when personalization is off). */
  readonly personalWeight: number;
}

export interface RecommendOptions {
  readonly customer?: CustomerHistory;
  /** The variable's valid values if the caller already has them (e.g. this click's domains); else computed. */
  readonly valid?: readonly number[];
  readonly scratch?: RecommendScratch;
  /** Words for values in the explanation; default `name=value` as in the model. */
  readonly label?: Label;
  /** Fewest sold builds behind a "buyers of …" explanation; thinner groups back off to fewer choices, then to
   * all buyers (default 1: any group that has the value). */
  readonly minSupport?: number;
}

/** The assignment's choices on sold-build columns, `variable` left out. */
export function givenChoices(p: Population, assignment: Assignment, variable: number): GivenChoice[] {
  const given: GivenChoice[] = [];
  for (const [x, v] of assignment) {
    const i = p.column[x] as number;
    if (x !== variable && i >= 0) given.push([i, v]);
  }
  return given;
}

/** The combiner's probabilities over the valid values into `scratch.scores` (other values untouched). */
function combine(
  c: Combiner,
  p: Population,
  given: readonly GivenChoice[],
  t: number,
  valid: readonly number[],
  scratch: RecommendScratch,
): void {
  candidateFeatures(p, given, t, valid, -1, scratch.features, scratch.candidates);
  const z = scratch.logits;
  combinedScores(c, scratch.candidates, valid.length, given.length, p.variables.length, z);
  let top = -Infinity;
  for (let j = 0; j < valid.length; j++) top = Math.max(top, z[j] as number);
  let sum = 0;
  for (let j = 0; j < valid.length; j++) sum += z[j] = Math.exp((z[j] as number) - top);
  valid.forEach((v, j) => (scratch.scores[v] = (z[j] as number) / sum));
}

const diagramFor = (d: Diagram | undefined): Diagram => {
  if (!d) throw new Error('recommend: without a diagram, the valid values must be given');
  return d;
};

/**
 * Ranks the valid values of `variable` given the other choices of `assignment` (a choice already made for
 * `variable` itself is ignored: the answer is what to choose there).
 * Pre: indices valid for `rec.model`, which `d` compiles; `options.valid` (if given) are exactly the valid values,
 * and given when `d` is undefined (a model held in another compiled form, whose caller has this click's domains).
 * Post: null iff no value is valid (the other choices have no valid completion); otherwise every valid value once,
 * by score descending, ties by population count then value index. With no customer or personalization off the
 * answer does not depend on any customer data.
 */
export function recommend(
  rec: Recommender,
  d: Diagram | undefined,
  assignment: Assignment,
  variable: number,
  options: RecommendOptions = {},
): Recommendation | null {
  const scratch = options.scratch ?? recommendScratch(rec, d);
  let others = assignment;
  if (assignment.has(variable)) {
    const copy = new Map(assignment);
    copy.delete(variable);
    others = copy;
  }
  const valid = options.valid ?? validValuesOf(diagramFor(d), others, variable, scratch.valid ?? undefined);
  if (valid.length === 0) return null;
  const p = rec.population;
  const t = p.column[variable] as number;
  const given = givenChoices(p, others, variable);
  const scores = scratch.scores;
  if (t >= 0 && rec.combiner !== null && given.length > 0 && valid.length > 1)
    combine(rec.combiner, p, given, t, valid, scratch);
  else if (t >= 0) populationScores(p, given, t, scores, scratch.kernel);
  else scores.fill(1);
  let mass = 0;
  for (const v of valid) mass += scores[v] as number;
  const personal = personalEvidence(rec.model, variable, valid, options.customer);
  const w = personal.weight;
  const count = (v: number): number =>
    t >= 0 ? (p.marginal[(p.valueOffset[t] as number) + v] as number) : 0;
  const ranked = valid
    .map((v): RankedValue => {
      const pop = mass > 0 ? (scores[v] as number) / mass : 1 / valid.length;
      const own = personal.share[v] as number;
      return { value: v, score: (1 - w) * pop + w * own, population: pop, personal: own };
    })
    .sort((a, b) => b.score - a.score || count(b.value) - count(a.value) || a.value - b.value);
  const top = ranked[0] as RankedValue;
  const label = options.label ?? modelLabel(rec.model);
  const reason = explainReason({
    population: p,
    variable,
    value: top.value,
    validCount: valid.length,
    given,
    personal,
    personalPart: w * top.personal,
    populationPart: (1 - w) * top.population,
    label,
    ...(options.minSupport === undefined ? {} : { minSupport: options.minSupport }),
  });
  const explanation = sentence(reason, variable, top.value, label);
  return { variable, ranked, explanation, reason, personalWeight: w };
}

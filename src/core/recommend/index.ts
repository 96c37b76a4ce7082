export {
  learnRecommender,
  recommend,
  recommendScratch,
  givenChoices,
  type Recommender,
  type LearnOptions,
  type RecommendOptions,
  type RecommendScratch,
  type Recommendation,
  type RankedValue,
} from './recommend.ts';
export {
  personalEvidence,
  preferencesFromOptionWeights,
  HALF_WEIGHT_EVIDENCE,
  type CustomerHistory,
  type PersonalEvidence,
} from './personal.ts';
export { modelLabel, sentence, type Label, type Reason } from './explain.ts';
export { parseSales, selectBuilds, SalesError, type SoldBuilds } from './sales.ts';
export {
  DEFAULT_SHARPNESS,
  learnPopulation,
  populationScores,
  marginalScores,
  naiveBayesScores,
  type Population,
  type GivenChoice,
} from './population.ts';
export { tuneSharpness, SHARPNESS_GRID, type Tuning } from './tune.ts';
export { validValuesOf, validScratch, batchValidDomains, batchScratch } from './valid-values.ts';
export {
  evaluateSplit,
  groupedFolds,
  mergeTally,
  emptyTally,
  summarize,
  percentiles,
  type Tally,
  type EvaluateOptions,
} from './evaluate.ts';

export {
  PREFERENCE_HALF_LIFE_DAYS,
  ORDER_WEIGHT,
  decayFactor,
  emptyProfile,
  preferenceKey,
  pricePosition,
  learnChoice,
  learnChoices,
  resetProfile,
  setPersonalization,
  setOverride,
  clearOverride,
  confidence,
  type AffinityDimension,
  type PriceBand,
  type PreferenceProfile,
  type Choice,
} from './preferences.ts';
export { preferenceProfileSchema } from './profile.schema.ts';
export {
  explainProfile,
  leaningOf,
  type ExplainedPreference,
  type ExplainedProfile,
  type Leaning,
} from './explain.ts';
export { optionWeights } from './weights.ts';
export {
  discountAuthority,
  discountBand,
  type DiscountAuthority,
  type DiscountBand,
  type GrantingRole,
} from './authority.ts';
export {
  tiersConfigSchema,
  customerClasses,
  quadrants,
  type TiersConfig,
  type Treatment,
  type CustomerClass,
  type Quadrant,
} from './tiers.schema.ts';
export {
  customerValue,
  classify,
  type OrderFact,
  type ValueInput,
  type CustomerValue,
  type Classification,
} from './value.ts';
export {
  applyCustomerDiscounts,
  hasBirthdayDiscount,
  isBirthdayMonth,
  type BirthdayRecord,
  type QuotedLine,
  type QuotedPrice,
} from './discounts.ts';
export { jaccard, mostSimilar, type Candidate } from './similarity.ts';

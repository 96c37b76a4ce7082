import type { CatalogIndex } from '../catalog/build.ts';
import type { Option, Slot } from '../catalog/schema.ts';

/**
 * Preferences learned from a customer's choices, with recency weighting.
 *
 * Each choice of an option adds weight 1 (an order: ORDER_WEIGHT) to
 * - every enum attribute value of the option (GPU brand NVIDIA, fuel hybrid, paint finish metallic…), and a catalog
 *   attribute called `usage` is just one more of these;
 * - the option itself in its slot, for single and optional slots (the paint colour, the interior);
 * - the slot's price band: where the option sits between the slot's cheapest and dearest option (0…1).
 * Weights decay exponentially with a half-life of PREFERENCE_HALF_LIFE_DAYS: a choice made one half-life ago counts
 * half as much as one made now. Decay is applied lazily: each dimension stores its weights as of `at`.
 *
 * The profile is plain JSON (stored per customer) and every function here is pure.
 */

export const PREFERENCE_HALF_LIFE_DAYS = 90;
export const ORDER_WEIGHT = 2;
const DAY_MS = 86_400_000;

/** How much of a value counted `fromIso` is left at `toIso`: 2^(−Δt / half-life); 1 when Δt ≤ 0. */
export function decayFactor(
  fromIso: string,
  toIso: string,
  halfLifeDays = PREFERENCE_HALF_LIFE_DAYS,
): number {
  const dt = (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
  return dt <= 0 ? 1 : Math.pow(2, -dt / halfLifeDays);
}

/** Learned weights of the values of one attribute, or of the options of one slot, in one catalog. */
export interface AffinityDimension {
  catalogId: string;
  kind: 'attr' | 'slot';
  /** Attribute id or slot id. */
  ref: string;
  /** People's word for it: "GPU brand", "Paint". */
  label: string;
  /** value (attribute value or option id) → decayed weight as of `at`, and the raw count of choices. */
  values: Record<string, { weight: number; count: number; label: string }>;
  at: string;
}

/** Where in a slot's price range the customer chooses. */
export interface PriceBand {
  catalogId: string;
  slotId: string;
  label: string;
  /** Decayed Σ weight and Σ weight × position, as of `at`; the band is their ratio. */
  weight: number;
  weightedPosition: number;
  count: number;
  at: string;
}

export interface PreferenceProfile {
  format: 1;
  /** Off: nothing is learned and nothing personal is derived; stored preferences stay, unused, until reset. */
  personalization: boolean;
  affinities: Record<string, AffinityDimension>;
  priceBands: Record<string, PriceBand>;
  /** The customer's corrections, key (see preferenceKey) → value in 0…1; they win over anything learned. */
  overrides: Record<string, number>;
}

export function emptyProfile(personalization = true): PreferenceProfile {
  return { format: 1, personalization, affinities: {}, priceBands: {}, overrides: {} };
}

/**
 * Keys of single preferences, as shown to and corrected by the customer:
 * `pc/attr/gpuBrand/NVIDIA`, `car/slot/paint/paint-signal-red`, `pc/price/gpu`.
 */
export const preferenceKey = {
  attr: (catalogId: string, attr: string, value: string) => `${catalogId}/attr/${attr}/${value}`,
  slot: (catalogId: string, slotId: string, optionId: string) => `${catalogId}/slot/${slotId}/${optionId}`,
  price: (catalogId: string, slotId: string) => `${catalogId}/price/${slotId}`,
};
const dimensionKey = (catalogId: string, kind: 'attr' | 'slot', ref: string) => `${catalogId}/${kind}/${ref}`;

/** Position of an option's price within its slot's price range: 0 cheapest … 1 dearest (0.5 when all equal). */
export function pricePosition(slot: Slot, option: Option): number {
  const prices = slot.options.map((o) => o.price);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return max === min ? 0.5 : (option.price - min) / (max - min);
}

function bumpDimension(
  dims: Record<string, AffinityDimension>,
  base: Omit<AffinityDimension, 'values' | 'at'>,
  value: string,
  valueLabel: string,
  weight: number,
  at: string,
): void {
  const key = dimensionKey(base.catalogId, base.kind, base.ref);
  const old = dims[key];
  const factor = old ? decayFactor(old.at, at) : 1;
  // An event older than the stored state (replayed guest events) is decayed instead of the state.
  const late = old ? decayFactor(at, old.at) : 1;
  const values: AffinityDimension['values'] = {};
  for (const [v, entry] of Object.entries(old?.values ?? {}))
    values[v] = { ...entry, weight: entry.weight * factor };
  const entry = values[value] ?? { weight: 0, count: 0, label: valueLabel };
  values[value] = { weight: entry.weight + weight * late, count: entry.count + 1, label: valueLabel };
  const newest = old && old.at > at ? old.at : at;
  dims[key] = { ...base, values, at: newest };
}

/** A chosen option, as the learner sees it. */
export interface Choice {
  catalogId: string;
  slotId: string;
  optionId: string;
  /** ISO time of the choice. */
  at: string;
  /** 1 for a configuration choice, ORDER_WEIGHT for an ordered option. */
  weight?: number;
}

/**
 * The profile after one more choice. Unknown slots or options (e.g. from another catalog version) are ignored.
 * Pre: `index` is the catalog the choice was made in. Post: with personalization off, returns `profile` unchanged.
 */
export function learnChoice(
  profile: PreferenceProfile,
  index: CatalogIndex,
  choice: Choice,
): PreferenceProfile {
  if (!profile.personalization) return profile;
  const found = index.option.get(choice.optionId);
  if (!found || found.slot.id !== choice.slotId) return profile;
  const { slot, option } = found;
  const { catalog } = index;
  const weight = choice.weight ?? 1;
  const affinities = { ...profile.affinities };
  for (const [attr, value] of Object.entries(option.attributes)) {
    const def = catalog.attributes[attr];
    if (def?.type !== 'enum' || typeof value !== 'string') continue;
    bumpDimension(
      affinities,
      { catalogId: catalog.id, kind: 'attr', ref: attr, label: def.label },
      value,
      value,
      weight,
      choice.at,
    );
  }
  if (slot.kind !== 'multi')
    bumpDimension(
      affinities,
      { catalogId: catalog.id, kind: 'slot', ref: slot.id, label: slot.name },
      option.id,
      option.name,
      weight,
      choice.at,
    );

  const bandKey = preferenceKey.price(catalog.id, slot.id);
  const old = profile.priceBands[bandKey];
  const factor = old ? decayFactor(old.at, choice.at) : 1;
  const late = old ? decayFactor(choice.at, old.at) : 1;
  const w = weight * late;
  const priceBands = {
    ...profile.priceBands,
    [bandKey]: {
      catalogId: catalog.id,
      slotId: slot.id,
      label: slot.name,
      weight: (old?.weight ?? 0) * factor + w,
      weightedPosition: (old?.weightedPosition ?? 0) * factor + w * pricePosition(slot, option),
      count: (old?.count ?? 0) + 1,
      at: old && old.at > choice.at ? old.at : choice.at,
    },
  };
  return { ...profile, affinities, priceBands };
}

/** Learns every choice in order. */
export function learnChoices(
  profile: PreferenceProfile,
  index: CatalogIndex,
  choices: readonly Choice[],
): PreferenceProfile {
  return choices.reduce((p, c) => learnChoice(p, index, c), profile);
}

/** Forgets everything learned and every correction; keeps the personalization switch. */
export function resetProfile(profile: PreferenceProfile): PreferenceProfile {
  return emptyProfile(profile.personalization);
}

export function setPersonalization(profile: PreferenceProfile, enabled: boolean): PreferenceProfile {
  return { ...profile, personalization: enabled };
}

/** A correction: the customer says how much they like a value (0 not at all … 1 very), or where their price band is. */
export function setOverride(profile: PreferenceProfile, key: string, value: number): PreferenceProfile {
  return { ...profile, overrides: { ...profile.overrides, [key]: Math.min(1, Math.max(0, value)) } };
}

export function clearOverride(profile: PreferenceProfile, key: string): PreferenceProfile {
  const overrides = Object.fromEntries(Object.entries(profile.overrides).filter(([k]) => k !== key));
  return { ...profile, overrides };
}

/** Confidence from a decayed weight: 0 with no evidence, ½ at one fresh choice, → 1 with many. */
export const confidence = (weight: number): number => weight / (weight + 1);

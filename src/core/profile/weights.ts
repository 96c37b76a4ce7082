import type { CatalogIndex } from '../catalog/build.ts';
import {
  confidence,
  decayFactor,
  preferenceKey,
  pricePosition,
  type PreferenceProfile,
} from './preferences.ts';

/**
 * Per-option preference scores for one catalog, for the engine's weighted completion and the recommender.
 *
 * score(option) = Σ over the option's enum attribute values and its slot choice of confidence × share
 *               + price-band confidence × (1 − |position(option) − band|)
 * where a customer's correction replaces the share (or band) and has confidence 1. Scores are ≥ 0 and comparable
 * within one slot only; options without any evidence score 0 and are left out.
 */

/**
 * Why an option scores what it does: the one preference that adds most to its score, with its figures, for a page
 * to say in its language ("You chose NVIDIA (GPU brand) in 3 of 4 choices"). `corrected` is the customer's own
 * setting (0…1) where they made one; it replaced what was learned.
 */
export type OptionEvidence =
  /** The option has `value` for `attribute`, which the customer chose `chosen` times in `of` choices of it. */
  | {
      kind: 'attribute';
      attribute: string;
      value: string;
      chosen: number;
      of: number;
      corrected: number | null;
    }
  /** The customer chose this very option `chosen` times in `of` choices in its slot. */
  | { kind: 'option'; slot: string; chosen: number; of: number; corrected: number | null }
  /** The option is priced near where the customer's `choices` in its slot sit (`position`: 0 cheapest … 1 dearest). */
  | { kind: 'price'; slot: string; choices: number; position: number; corrected: number | null };

interface Term {
  score: number;
  evidence: OptionEvidence;
}

/** Every term of every option's score (options without evidence have none). */
function optionTerms(profile: PreferenceProfile, index: CatalogIndex, now: string): Map<string, Term[]> {
  const terms = new Map<string, Term[]>();
  if (!profile.personalization) return terms;
  const { catalog } = index;

  const affinity = (kind: 'attr' | 'slot', ref: string, value: string) => {
    const key =
      kind === 'attr'
        ? preferenceKey.attr(catalog.id, ref, value)
        : preferenceKey.slot(catalog.id, ref, value);
    const corrected = profile.overrides[key];
    const dim = profile.affinities[`${catalog.id}/${kind}/${ref}`];
    const entry = dim?.values[value];
    const of = dim ? Object.values(dim.values).reduce((s, v) => s + v.count, 0) : 0;
    const figures = { chosen: entry?.count ?? 0, of, corrected: corrected ?? null };
    if (corrected !== undefined) return { score: corrected, figures };
    if (!dim || !entry) return { score: 0, figures };
    const total = Object.values(dim.values).reduce((s, v) => s + v.weight, 0);
    const score =
      total > 0 ? confidence(entry.weight * decayFactor(dim.at, now)) * (entry.weight / total) : 0;
    return { score, figures };
  };

  for (const slot of catalog.slots) {
    const bandKey = preferenceKey.price(catalog.id, slot.id);
    const band = profile.priceBands[bandKey];
    const corrected = profile.overrides[bandKey];
    const bandPosition =
      corrected ?? (band && band.weight > 0 ? band.weightedPosition / band.weight : undefined);
    const bandConfidence =
      corrected !== undefined ? 1 : band ? confidence(band.weight * decayFactor(band.at, now)) : 0;
    for (const option of slot.options) {
      const own: Term[] = [];
      for (const [attribute, value] of Object.entries(option.attributes))
        if (catalog.attributes[attribute]?.type === 'enum' && typeof value === 'string') {
          const { score, figures } = affinity('attr', attribute, value);
          own.push({ score, evidence: { kind: 'attribute', attribute, value, ...figures } });
        }
      if (slot.kind !== 'multi') {
        const { score, figures } = affinity('slot', slot.id, option.id);
        own.push({ score, evidence: { kind: 'option', slot: slot.id, ...figures } });
      }
      if (bandPosition !== undefined)
        own.push({
          score: bandConfidence * (1 - Math.abs(pricePosition(slot, option) - bandPosition)),
          evidence: {
            kind: 'price',
            slot: slot.id,
            choices: band?.count ?? 0,
            position: bandPosition,
            corrected: corrected ?? null,
          },
        });
      const scoring = own.filter((t) => t.score > 0);
      if (scoring.length > 0) terms.set(option.id, scoring);
    }
  }
  return terms;
}

/**
 * Every option with a score (see above): its weight and the preference that adds most to it.
 * Pre: `index` is the catalog the weights are for. Post: empty when personalization is off (nothing learned is used).
 */
export function scoredOptions(
  profile: PreferenceProfile,
  index: CatalogIndex,
  now: string,
): Map<string, { weight: number; evidence: OptionEvidence }> {
  const scored = new Map<string, { weight: number; evidence: OptionEvidence }>();
  for (const [option, terms] of optionTerms(profile, index, now)) {
    const top = terms.reduce((best, t) => (t.score > best.score ? t : best));
    scored.set(option, { weight: terms.reduce((sum, t) => sum + t.score, 0), evidence: top.evidence });
  }
  return scored;
}

/** The options' weights alone ({@link scoredOptions}). */
export function optionWeights(
  profile: PreferenceProfile,
  index: CatalogIndex,
  now: string,
): Record<string, number> {
  return Object.fromEntries([...scoredOptions(profile, index, now)].map(([option, s]) => [option, s.weight]));
}

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
 *
 * Pre: `index` is the catalog the weights are for. Post: empty when personalization is off (nothing learned is used).
 */
export function optionWeights(
  profile: PreferenceProfile,
  index: CatalogIndex,
  now: string,
): Record<string, number> {
  if (!profile.personalization) return {};
  const { catalog } = index;
  const weights: Record<string, number> = {};

  const share = (kind: 'attr' | 'slot', ref: string, value: string): number => {
    const key =
      kind === 'attr'
        ? preferenceKey.attr(catalog.id, ref, value)
        : preferenceKey.slot(catalog.id, ref, value);
    const corrected = profile.overrides[key];
    if (corrected !== undefined) return corrected;
    const dim = profile.affinities[`${catalog.id}/${kind}/${ref}`];
    const entry = dim?.values[value];
    if (!dim || !entry) return 0;
    const total = Object.values(dim.values).reduce((s, v) => s + v.weight, 0);
    return total > 0 ? confidence(entry.weight * decayFactor(dim.at, now)) * (entry.weight / total) : 0;
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
      let score = 0;
      for (const [attr, value] of Object.entries(option.attributes))
        if (catalog.attributes[attr]?.type === 'enum' && typeof value === 'string')
          score += share('attr', attr, value);
      if (slot.kind !== 'multi') score += share('slot', slot.id, option.id);
      if (bandPosition !== undefined)
        score += bandConfidence * (1 - Math.abs(pricePosition(slot, option) - bandPosition));
      if (score > 0) weights[option.id] = score;
    }
  }
  return weights;
}

import {
  confidence,
  decayFactor,
  preferenceKey,
  PREFERENCE_HALF_LIFE_DAYS,
  type AffinityDimension,
  type PreferenceProfile,
} from './preferences.ts';

/** One preference as the customer sees it, with the evidence behind it. */
export interface ExplainedPreference {
  /** What a correction names (see preferenceKey). */
  key: string;
  kind: 'affinity' | 'price-band';
  catalogId: string;
  /** "GPU brand", "Paint", "Graphics card price". */
  dimension: string;
  /** "NVIDIA", "Signal Red"; for a price band, "upper range". */
  value: string;
  /** Affinity: share of the (recency-weighted) choices in this dimension; price band: 0 cheapest … 1 dearest. */
  score: number;
  /** 0…1, from how much recent evidence there is; 1 for a correction. */
  confidence: number;
  source: 'learned' | 'corrected';
  /** "You chose NVIDIA for GPU brand in 3 of 4 choices." */
  evidence: string;
}

export type Leaning = 'performance' | 'balanced' | 'price';

export interface ExplainedProfile {
  personalization: boolean;
  halfLifeDays: number;
  preferences: ExplainedPreference[];
  /** Per catalog: the recency-weighted mean price position over all slots → performance-vs-price leaning. */
  leanings: { catalogId: string; position: number; leaning: Leaning; evidence: string }[];
}

export function leaningOf(position: number): Leaning {
  return position >= 0.6 ? 'performance' : position <= 0.4 ? 'price' : 'balanced';
}

function bandWords(position: number): string {
  return position >= 0.67 ? 'upper range' : position <= 0.33 ? 'lower range' : 'middle range';
}

function affinityEntries(dim: AffinityDimension, now: string, overrides: Record<string, number>) {
  const factor = decayFactor(dim.at, now);
  const total = Object.values(dim.values).reduce((s, v) => s + v.weight, 0);
  const countAll = Object.values(dim.values).reduce((s, v) => s + v.count, 0);
  return Object.entries(dim.values).map(([value, entry]): ExplainedPreference => {
    const key =
      dim.kind === 'attr'
        ? preferenceKey.attr(dim.catalogId, dim.ref, value)
        : preferenceKey.slot(dim.catalogId, dim.ref, value);
    const corrected = overrides[key];
    const of = dim.kind === 'attr' ? `${entry.label} for ${dim.label}` : `${entry.label} as ${dim.label}`;
    return {
      key,
      kind: 'affinity',
      catalogId: dim.catalogId,
      dimension: dim.label,
      value: entry.label,
      score: corrected ?? (total > 0 ? entry.weight / total : 0),
      confidence: corrected === undefined ? confidence(entry.weight * factor) : 1,
      source: corrected === undefined ? 'learned' : 'corrected',
      evidence:
        `You chose ${of} in ${entry.count} of ${countAll} choice${countAll === 1 ? '' : 's'}` +
        (corrected === undefined ? '.' : `; you set it to ${Math.round(corrected * 100)}%.`),
    };
  });
}

/**
 * The profile in words, strongest evidence first, each preference with its evidence. Corrections the customer made
 * for values never learned are listed too. Pure; `now` (ISO) sets how far recency weighting has decayed.
 */
export function explainProfile(profile: PreferenceProfile, now: string): ExplainedProfile {
  const preferences: ExplainedPreference[] = [];
  for (const dim of Object.values(profile.affinities))
    preferences.push(...affinityEntries(dim, now, profile.overrides));

  const leaningSums = new Map<string, { w: number; wx: number; n: number }>();
  for (const [key, band] of Object.entries(profile.priceBands)) {
    const learned = band.weight > 0 ? band.weightedPosition / band.weight : 0.5;
    const corrected = profile.overrides[key];
    const position = corrected ?? learned;
    preferences.push({
      key,
      kind: 'price-band',
      catalogId: band.catalogId,
      dimension: `${band.label} price`,
      value: bandWords(position),
      score: position,
      confidence: corrected === undefined ? confidence(band.weight * decayFactor(band.at, now)) : 1,
      source: corrected === undefined ? 'learned' : 'corrected',
      evidence:
        `Your ${band.count} ${band.label} choice${band.count === 1 ? '' : 's'} sit at ${Math.round(learned * 100)}% ` +
        `of its price range` +
        (corrected === undefined ? '.' : `; you set it to ${Math.round(corrected * 100)}%.`),
    });
    const sum = leaningSums.get(band.catalogId) ?? { w: 0, wx: 0, n: 0 };
    const w = corrected === undefined ? band.weight * decayFactor(band.at, now) : 1;
    leaningSums.set(band.catalogId, { w: sum.w + w, wx: sum.wx + w * position, n: sum.n + band.count });
  }

  const known = new Set(preferences.map((p) => p.key));
  for (const [key, value] of Object.entries(profile.overrides)) {
    if (known.has(key)) continue;
    const [catalogId = '', kind = '', ref = '', val = ''] = key.split('/');
    preferences.push({
      key,
      kind: kind === 'price' ? 'price-band' : 'affinity',
      catalogId,
      dimension: ref,
      value: kind === 'price' ? bandWords(value) : val,
      score: value,
      confidence: 1,
      source: 'corrected',
      evidence: `You set this to ${Math.round(value * 100)}%.`,
    });
  }

  preferences.sort((a, b) => b.confidence * b.score - a.confidence * a.score || a.key.localeCompare(b.key));
  const leanings = [...leaningSums.entries()]
    .filter(([, s]) => s.w > 0)
    .map(([catalogId, s]) => {
      const position = s.wx / s.w;
      const leaning = leaningOf(position);
      return {
        catalogId,
        position,
        leaning,
        evidence: `Across ${s.n} choices you pick at ${Math.round(position * 100)}% of the price range: ${
          leaning === 'balanced' ? 'a balance of performance and price' : `leaning to ${leaning}`
        }.`,
      };
    })
    .sort((a, b) => a.catalogId.localeCompare(b.catalogId));
  return {
    personalization: profile.personalization,
    halfLifeDays: PREFERENCE_HALF_LIFE_DAYS,
    preferences,
    leanings,
  };
}

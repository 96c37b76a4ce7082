/**
 * One customer's own evidence about a variable, and how much of the recommendation it earns.
 *
 * Evidence: the customer's past builds and orders (each that set the variable counts one for its value) and the
 * stored preference scores of the values (the one-to-one profile's `optionWeights`, which are confidence-weighted
 * shares, each worth at most about one build). The personal distribution is that evidence over the valid values;
 * its weight is h / (h + {@link HALF_WEIGHT_EVIDENCE}) where h is the evidence mass, so a first build counts for a
 * third, four builds for two thirds, and the population keeps the rest. Personalization off: weight 0 and the
 * customer's data is not read at all.
 */
import type { Assignment, Model } from '../engine/model.ts';

/** Evidence mass (in builds) at which the customer's own history weighs as much as the population. */
export const HALF_WEIGHT_EVIDENCE = 2;

export interface CustomerHistory {
  /** The customer's switch (the profile's `personalization`). Off: nothing else here is read. */
  readonly personalization: boolean;
  /** Past builds and orders in this model, as (possibly partial) assignments. */
  readonly builds: readonly Assignment[];
  /** Stored preference scores, variable → value → score ≥ 0 (comparable within one variable). */
  readonly preferences?: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

export interface PersonalEvidence {
  /** Weight of the personal distribution in the blend, in [0, 1). */
  readonly weight: number;
  /** Per value: the personal probability (over the valid values). */
  readonly share: Float64Array;
  /** Per value: past builds that chose it, and how many past builds set the variable at all. */
  readonly chosen: Float64Array;
  readonly builds: number;
  /** Per value: the stored preference score. */
  readonly preference: Float64Array;
}

/**
 * The customer's evidence on `variable`, restricted to `valid` values.
 * Pre: `valid` are value indices of `variable`. Post: `weight` is 0 (and nothing of the customer was read) when
 * there is no customer or personalization is off; otherwise it grows with the evidence on the valid values.
 */
export function personalEvidence(
  model: Model,
  variable: number,
  valid: readonly number[],
  customer: CustomerHistory | undefined,
): PersonalEvidence {
  const size = (model.variables[variable] as { values: readonly string[] }).values.length;
  const none = {
    weight: 0,
    share: new Float64Array(size),
    chosen: new Float64Array(size),
    builds: 0,
    preference: new Float64Array(size),
  };
  if (!customer?.personalization) return none;
  const { chosen, preference, share } = none;
  let builds = 0;
  for (const b of customer.builds) {
    const v = b.get(variable);
    if (v === undefined) continue;
    builds++;
    chosen[v] = (chosen[v] as number) + 1;
  }
  for (const [v, s] of customer.preferences?.get(variable) ?? [])
    if (v >= 0 && v < size && s > 0) preference[v] = s;
  let mass = 0;
  for (const v of valid) mass += (chosen[v] as number) + (preference[v] as number);
  if (mass === 0) return { ...none, builds };
  for (const v of valid) share[v] = ((chosen[v] as number) + (preference[v] as number)) / mass;
  return { weight: mass / (mass + HALF_WEIGHT_EVIDENCE), share, chosen, builds, preference };
}

/**
 * Maps the profile's per-option scores (`optionWeights` in core/profile/weights.ts) onto a catalog model's
 * variables: a slot variable's value named by an option id gets that option's score, and a multi-slot quantity
 * variable `slot/option` gets it on every quantity above "0".
 * Pre: `model` was compiled from the catalog the scores are for. Post: only values with a positive score appear.
 */
export function preferencesFromOptionWeights(
  model: Model,
  scores: Readonly<Record<string, number>>,
): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  model.variables.forEach((v, x) => {
    const slash = v.name.indexOf('/');
    const option = slash > 0 ? v.name.slice(slash + 1) : undefined;
    const m = new Map<number, number>();
    v.values.forEach((value, i) => {
      const s =
        option !== undefined && Object.hasOwn(scores, option)
          ? value === '0'
            ? 0
            : scores[option]
          : scores[value];
      if (typeof s === 'number' && s > 0) m.set(i, s);
    });
    if (m.size > 0) out.set(x, m);
  });
  return out;
}

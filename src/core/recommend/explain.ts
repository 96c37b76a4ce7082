/**
 * One sentence on why a value is recommended, from the evidence that ranked it first: the rules (a forced
 * value), the customer's own builds or stored preferences, or the sold builds that share the choices most telling
 * for this variable ("most buyers of v14=3 with v118=5 chose v18=4 (68% of 412 sold cars)").
 */
import type { Model } from '../engine/model.ts';
import type { PersonalEvidence } from './personal.ts';
import type { GivenChoice, Population } from './population.ts';

/** Words for a variable's value; the default names both as the model does: `v18=4`. */
export type Label = (variable: number, value: number) => string;

export const modelLabel =
  (model: Model): Label =>
  (x, v) => {
    const variable = model.variables[x] as { name: string; values: readonly string[] };
    return `${variable.name}=${variable.values[v]}`;
  };

/** Given choices that tell most about the target, most telling first (at most two). */
const TELLING = 2;
/** Given choices that remove less than this share of the target's uncertainty are not worth naming. */
const WORTH_NAMING = 0.01;

const percent = (x: number): string => `${Math.round(100 * x)}%`;
const cars = (k: number): string => `${k.toLocaleString('en-US')} sold car${k === 1 ? '' : 's'}`;

/** Sold builds sharing `given` (all of them), and of those, the ones with `value` for column `target`. */
function support(p: Population, given: readonly GivenChoice[], target: number, value: number) {
  let all = 0;
  let hit = 0;
  const colT = p.columns[target] as Uint16Array;
  const cols = given.map(([i]) => p.columns[i] as Uint16Array);
  const want = given.map(([, a]) => a);
  next: for (let r = 0; r < p.weight.length; r++) {
    for (let j = 0; j < cols.length; j++) if ((cols[j] as Uint16Array)[r] !== want[j]) continue next;
    all += p.weight[r] as number;
    if (colT[r] === value) hit += p.weight[r] as number;
  }
  return { all, hit };
}

export interface ExplainInput {
  readonly population: Population;
  readonly variable: number;
  readonly value: number;
  readonly validCount: number;
  /** Choices so far on sold-build columns. */
  readonly given: readonly GivenChoice[];
  readonly personal: PersonalEvidence;
  /** The blended score's personal and population parts for `value`. */
  readonly personalPart: number;
  readonly populationPart: number;
  readonly label: Label;
  /** Fewest sold builds a named group of buyers must count; smaller groups back off (default 1). */
  readonly minSupport?: number;
}

/**
 * The evidence behind a recommendation, as data: a user interface words it in its own language
 * ({@link sentence} is the English one). Choices are `[model variable, value index]`.
 */
export type Reason =
  | { readonly kind: 'forced' }
  | { readonly kind: 'own-builds'; readonly chosen: number; readonly builds: number }
  | { readonly kind: 'preferences' }
  /** `share` of the `cars` sold builds that share the `given` choices have the value. */
  | {
      readonly kind: 'buyers';
      readonly given: readonly (readonly [number, number])[];
      readonly share: number;
      readonly cars: number;
    }
  | { readonly kind: 'all-buyers'; readonly share: number; readonly cars: number }
  | { readonly kind: 'unsold' };

/**
 * Why the top recommendation.
 * Pre: `value` is valid and ranked first. Post: names the evidence that contributed most to its score.
 */
export function explainReason(e: ExplainInput): Reason {
  const { population: p, variable: x, value: v, personal } = e;
  if (e.validCount === 1) return { kind: 'forced' };
  if (personal.weight > 0 && e.personalPart >= e.populationPart) {
    const chosen = personal.chosen[v] as number;
    return chosen > 0 ? { kind: 'own-builds', chosen, builds: personal.builds } : { kind: 'preferences' };
  }
  const t = p.column[x] as number;
  if (t < 0) return { kind: 'unsold' };
  const n = p.variables.length;
  const telling = [...e.given]
    .filter(([i]) => (p.information[t * n + i] as number) >= WORTH_NAMING)
    .sort(
      (a, b) =>
        (p.information[t * n + b[0]] as number) - (p.information[t * n + a[0]] as number) || a[0] - b[0],
    )
    .slice(0, TELLING);
  while (telling.length > 0) {
    const { all, hit } = support(p, telling, t, v);
    if (all >= (e.minSupport ?? 1) && hit > 0)
      return {
        kind: 'buyers',
        given: telling.map(([i, a]) => [p.variables[i] as number, a] as const),
        share: hit / all,
        cars: all,
      };
    telling.pop();
  }
  const share = (p.marginal[(p.valueOffset[t] as number) + v] as number) / Math.max(1, p.cars);
  return { kind: 'all-buyers', share, cars: p.cars };
}

/** The English sentence for a reason about `value` of `variable`. */
export function sentence(reason: Reason, variable: number, value: number, label: Label): string {
  const what = label(variable, value);
  switch (reason.kind) {
    case 'forced':
      return `Only ${what} is still allowed by the rules.`;
    case 'own-builds':
      return `You chose ${what} in ${reason.chosen} of your ${reason.builds} build${reason.builds === 1 ? '' : 's'}.`;
    case 'preferences':
      return `Your stored preferences favour ${what}.`;
    case 'unsold':
      return `No sold car records ${what}; it is one of the values the rules allow.`;
    case 'buyers': {
      const buyers = reason.given.map(([i, a]) => label(i, a)).join(' with ');
      return reason.share > 0.5
        ? `Most buyers of ${buyers} chose ${what} (${percent(reason.share)} of ${cars(reason.cars)}).`
        : `${percent(reason.share)} of buyers of ${buyers} chose ${what} (${cars(reason.cars)}).`;
    }
    case 'all-buyers':
      return `${percent(reason.share)} of all buyers chose ${what} (${cars(reason.cars)}).`;
  }
}

import type { Build } from '../catalog/build.ts';
import {
  preferencesFromOptionWeights,
  recommend,
  recommendScratch,
  type CustomerHistory,
  type Reason,
  type Recommendation,
  type Recommender,
  type RecommendScratch,
} from '../recommend/index.ts';
import { buildToAssignment } from './build-mapping.ts';
import { NONE, type CatalogModel, type SlotVariables } from './compile-catalog.ts';
import type { ConfigurationState, Configurator } from './configurator.ts';

/**
 * The population recommender (core/recommend) speaks engine variables and value indices; a session speaks slots and
 * options. This is the recommender as a session asks it: the mark per open slot of a step with its evidence in
 * catalog terms, and the scores for "Finish like most buyers".
 */

/** A choice as the catalog names it: an option (or, without one, the slot's chosen option) at a quantity; 0 is none. */
export interface CatalogChoice {
  readonly slot: string;
  readonly option?: string;
  readonly quantity: number;
}

/** Why an option is marked, as data for the page to word in its language (core/recommend's reasons worth a mark). */
export type MarkReason =
  | { readonly kind: 'own-builds'; readonly chosen: number; readonly builds: number }
  | { readonly kind: 'preferences' }
  /** `share` of the `cars` sold builds with the `given` choices have the option. */
  | {
      readonly kind: 'buyers';
      readonly given: readonly CatalogChoice[];
      readonly share: number;
      readonly cars: number;
    }
  | { readonly kind: 'all-buyers'; readonly share: number; readonly cars: number };

/** A slot's mark from the recommender: the option, why, and under which source it is logged. */
export interface PopularMark {
  readonly optionId: string;
  readonly reason: MarkReason;
  /** `population` for what buyers chose, `preferences` when the customer's own history ranked it. */
  readonly source: 'population' | 'preferences';
}

/** Sold builds sharing the choices a population reason names, below which it is not shown (too thin to say). */
export const MIN_SUPPORT = 5;

/** Probabilities below this count as this (a log score needs a floor; far below any sold share). */
const FLOOR = 1e-4;

type ChoiceSlot = SlotVariables & { kind: 'single' | 'optional' };

/** The catalog choice an engine variable's value stands for; null for auxiliary variables. */
function catalogChoice(cm: CatalogModel, x: number, v: number): CatalogChoice | null {
  const raw = cm.model.variables[x]?.values[v];
  if (raw === undefined) return null;
  for (const vars of cm.slots) {
    const slot = vars.slot.id;
    if (vars.kind === 'multi') {
      for (const [option, ox] of vars.options) if (ox === x) return { slot, option, quantity: Number(raw) };
    } else if (vars.choice === x)
      return raw === NONE ? { slot, quantity: 0 } : { slot, option: raw, quantity: 1 };
    else if (vars.quantity === x) return { slot, quantity: Number(raw) };
  }
  return null;
}

/** The reason in catalog terms, when it is worth a sentence next to `validCount` possible values. */
function markReason(cm: CatalogModel, reason: Reason, validCount: number): MarkReason | null {
  switch (reason.kind) {
    case 'buyers': {
      // More than an even split among what is still possible, from enough buyers to mean it.
      if (reason.cars < MIN_SUPPORT || reason.share <= 1 / validCount) return null;
      const given = reason.given.flatMap(([x, v]) => catalogChoice(cm, x, v) ?? []);
      return { kind: 'buyers', given, share: reason.share, cars: reason.cars };
    }
    case 'all-buyers':
      return reason.cars >= MIN_SUPPORT && reason.share > 1 / validCount ? reason : null;
    case 'own-builds':
    case 'preferences':
      return reason;
    case 'forced':
    case 'unsold':
      return null;
  }
}

/** An optional slot that most buyers (the blended score) leave empty. */
function takesNone(r: Recommendation, kind: 'single' | 'optional'): boolean {
  return kind === 'optional' && (r.ranked.find((x) => x.value === 0)?.score ?? 0) >= 0.5;
}

/**
 * The recommender of one catalog version for one session's owner: `weights` are the customer's option weights
 * (null: a guest, or personalization off), the evidence of its personal blend.
 */
export class PopularAdvisor {
  private readonly cm: CatalogModel;
  private readonly scratch: RecommendScratch;
  private readonly customer: CustomerHistory | undefined;

  constructor(
    private readonly configurator: Configurator,
    private readonly rec: Recommender,
    weights: Readonly<Record<string, number>> | null,
  ) {
    this.cm = configurator.compiled;
    this.scratch = recommendScratch(rec, configurator.diagram);
    this.customer = weights
      ? {
          personalization: true,
          builds: [],
          preferences: preferencesFromOptionWeights(this.cm.model, weights),
        }
      : undefined;
  }

  /** Whether the customer's weights take part (false for guests and without personalization). */
  get personal(): boolean {
    return this.customer !== undefined;
  }

  /**
   * The recommender's pick in every slot of `step` still open (single and optional slots): only among the options
   * the view shows as available, and only where the evidence is worth a sentence. An optional slot's "none" takes
   * part: when most buyers leave it empty, no option is marked.
   * Pre: `view` is the configurator's state of `choices`.
   */
  marks(choices: Build, view: ConfigurationState, step: string): Map<string, PopularMark> {
    const marks = new Map<string, PopularMark>();
    const assignment = buildToAssignment(this.cm, choices);
    for (const { vars, valid } of this.openSlots(choices, view)) {
      if (vars.slot.group !== step) continue;
      const ask = (values: number[]) =>
        recommend(this.rec, this.configurator.diagram, assignment, vars.choice, {
          valid: values,
          scratch: this.scratch,
          minSupport: MIN_SUPPORT,
          ...(this.customer ? { customer: this.customer } : {}),
        });
      let r = ask(valid);
      if (r && takesNone(r, vars.kind)) continue;
      // Most buyers take one, though "none" may be the single most common value (many options share the rest).
      if (r?.ranked[0]?.value === 0 && vars.kind === 'optional') r = ask(valid.slice(1));
      const top = r?.ranked[0];
      const optionId = top ? this.cm.model.variables[vars.choice]?.values[top.value] : undefined;
      if (!r || !top || optionId === undefined || optionId === NONE) continue;
      const reason = markReason(this.cm, r.reason, valid.length);
      if (!reason) continue;
      const personal = reason.kind === 'own-builds' || reason.kind === 'preferences';
      marks.set(vars.slot.id, { optionId, reason, source: personal ? 'preferences' : 'population' });
    }
    return marks;
  }

  /**
   * Scores for "Finish like most buyers": with them the engine's best completion (the highest total score) is the
   * most probable build if each open slot's choice followed the population's ranking given the choices made so far
   * (each slot's probabilities are conditioned on those choices only, not on each other: an approximation, but the
   * completion is exact and valid). Per slot, log-probabilities shifted to be positive; an optional slot's "none"
   * scores 0 (as the engine counts it), so an optional slot is filled when most buyers fill it, even where "none"
   * is its single most common value, and otherwise its options score relative to "none". A constant shift within a
   * single slot changes nothing, since it takes exactly one option. Multi slots are not scored (left to the
   * cheapest completion). Null when no open slot has two choices. Pre: `view` is the state of `choices`.
   */
  finishScores(choices: Build, view: ConfigurationState): Record<string, number> | null {
    const assignment = buildToAssignment(this.cm, choices);
    const scores: Record<string, number> = {};
    let any = false;
    for (const { vars, valid } of this.openSlots(choices, view)) {
      const offset = vars.kind === 'optional' ? 1 : 0;
      const r = recommend(this.rec, this.configurator.diagram, assignment, vars.choice, {
        valid,
        scratch: this.scratch,
      });
      if (!r) continue;
      any = true;
      const p = (v: number) => Math.max(FLOOR, r.ranked.find((x) => x.value === v)?.population ?? 0);
      // An optional slot most buyers fill is filled (every option above "none"), with the most chosen option;
      // one most leave empty stays empty unless the rules need it.
      const zero = takesNone(r, vars.kind) ? Math.log(p(0)) : Math.log(FLOOR);
      vars.slot.options.forEach((o, i) => (scores[o.id] = Math.log(p(i + offset)) - zero));
    }
    return any ? scores : null;
  }

  /**
   * The single and optional slots not chosen yet that still offer a choice, with the values of their variable the
   * view offers (an optional slot's "none" is value 0, its options come after it).
   */
  private openSlots(choices: Build, view: ConfigurationState): { vars: ChoiceSlot; valid: number[] }[] {
    const open: { vars: ChoiceSlot; valid: number[] }[] = [];
    for (const vars of this.cm.slots) {
      if (vars.kind === 'multi' || Object.keys(choices[vars.slot.id] ?? {}).length > 0) continue;
      const state = view.slots.find((s) => s.slot === vars.slot.id);
      if (!state) continue;
      const offset = vars.kind === 'optional' ? 1 : 0;
      const valid = state.options.flatMap((o, i) => (o.available ? [i + offset] : []));
      if (vars.kind === 'optional' && state.emptyAvailable) valid.unshift(0);
      if (valid.length >= 2) open.push({ vars, valid });
    }
    return open;
  }
}

/** Marks only change when a slot's option or reason does: equal maps keep the old one (no re-render). */
export function sameMarks(a: ReadonlyMap<string, PopularMark>, b: ReadonlyMap<string, PopularMark>): boolean {
  if (a.size !== b.size) return false;
  for (const [slot, m] of a) {
    const o = b.get(slot);
    if (!o || o.optionId !== m.optionId || JSON.stringify(o.reason) !== JSON.stringify(m.reason))
      return false;
  }
  return true;
}

import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Build } from '../../core/catalog/index.ts';
import { NONE, type SlotVariables } from '../../core/configurator/compile-catalog.ts';
import { buildToAssignment } from '../../core/configurator/build-mapping.ts';
import type { ConfigurationState, Configurator } from '../../core/configurator/configurator.ts';
import {
  preferencesFromOptionWeights,
  recommend,
  type CustomerHistory,
  type Reason,
  type Recommendation,
  type Recommender,
  type RecommendScratch,
} from '../../core/recommend/index.ts';

/** A slot's mark from the recommender: the option, why, and under which source it is logged. */
export interface PopularMark {
  readonly optionId: string;
  /** The option's engine variable and value, to word the reason. */
  readonly variable: number;
  readonly value: number;
  readonly reason: Reason;
  /** `population` for what buyers chose, `preferences` when the customer's own history ranked it. */
  readonly source: 'population' | 'preferences';
}

/** Sold builds sharing the choices a population reason names, below which it is not shown (too thin to say). */
export const MIN_SUPPORT = 5;

function worthShowing(reason: Reason, validCount: number): boolean {
  switch (reason.kind) {
    case 'buyers':
    case 'all-buyers':
      // More than an even split among what is still possible, from enough buyers to mean it.
      return reason.cars >= MIN_SUPPORT && reason.share > 1 / validCount;
    case 'own-builds':
    case 'preferences':
      return true;
    case 'forced':
    case 'unsold':
      return false;
  }
}

/** An optional slot that most buyers (the blended score) leave empty. */
function takesNone(r: Recommendation, kind: 'single' | 'optional'): boolean {
  return kind === 'optional' && (r.ranked.find((x) => x.value === 0)?.score ?? 0) >= 0.5;
}

/** The customer's evidence for the recommender's personal blend: the stored option weights (they summarise past
 * builds and choices); personalization off or no customer gives none. */
export function customerHistory(
  configurator: Configurator,
  weights: Readonly<Record<string, number>> | null,
): CustomerHistory | undefined {
  if (!weights) return undefined;
  return {
    personalization: true,
    builds: [],
    preferences: preferencesFromOptionWeights(configurator.compiled.model, weights),
  };
}

type ChoiceSlot = SlotVariables & { kind: 'single' | 'optional' };

/**
 * The single and optional slots not chosen yet that still offer a choice, with the values of their variable the
 * engine offers (an optional slot's "none" is value 0, its options come after it).
 */
function openSlots(
  configurator: Configurator,
  choices: Build,
  view: ConfigurationState,
): { vars: ChoiceSlot; valid: number[] }[] {
  const open: { vars: ChoiceSlot; valid: number[] }[] = [];
  for (const vars of configurator.compiled.slots) {
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

/**
 * The recommender's pick in every slot of `step` still open (single and optional slots): only among the options
 * the engine shows as available, and only where the evidence is worth a sentence. An optional slot's "none" takes
 * part: when most buyers leave it empty, no option is marked.
 */
export function popularMarks(
  rec: Recommender,
  configurator: Configurator,
  choices: Build,
  view: ConfigurationState,
  step: string,
  customer: CustomerHistory | undefined,
  scratch: RecommendScratch,
): Map<string, PopularMark> {
  const marks = new Map<string, PopularMark>();
  const cm = configurator.compiled;
  const assignment = buildToAssignment(cm, choices);
  for (const { vars, valid } of openSlots(configurator, choices, view)) {
    if (vars.slot.group !== step) continue;
    const ask = (values: number[]) =>
      recommend(rec, configurator.diagram, assignment, vars.choice, {
        valid: values,
        scratch,
        minSupport: MIN_SUPPORT,
        ...(customer ? { customer } : {}),
      });
    let r = ask(valid);
    if (r && takesNone(r, vars.kind)) continue;
    // Most buyers take one, though "none" may be the single most common value (many options share the rest).
    if (r?.ranked[0]?.value === 0 && vars.kind === 'optional') r = ask(valid.slice(1));
    const top = r?.ranked[0];
    const optionId = top ? cm.model.variables[vars.choice]?.values[top.value] : undefined;
    if (!r || !top || optionId === undefined || optionId === NONE) continue;
    if (!worthShowing(r.reason, valid.length)) continue;
    const personal = r.reason.kind === 'own-builds' || r.reason.kind === 'preferences';
    marks.set(vars.slot.id, {
      optionId,
      variable: vars.choice,
      value: top.value,
      reason: r.reason,
      source: personal ? 'preferences' : 'population',
    });
  }
  return marks;
}

/** Probabilities below this count as this (a log score needs a floor; far below any sold share). */
const FLOOR = 1e-4;

/**
 * Scores for "Finish like most buyers": with them the engine's best completion (the highest total score) is the
 * most probable build if each open slot's choice followed the population's ranking given the choices made so far
 * (each slot's probabilities are conditioned on those choices only, not on each other: an approximation, but the
 * completion is exact and valid). Per slot, log-probabilities shifted to be positive; an optional slot's "none"
 * scores 0 (as the engine counts it), so an optional slot is filled when most buyers fill it, even where "none" is
 * its single most common value, and otherwise its options score relative to "none". A constant shift within a
 * single slot changes nothing, since it takes exactly one option. Multi slots are not scored (left to the cheapest completion). Null when no open slot has two choices.
 */
export function popularScores(
  rec: Recommender,
  configurator: Configurator,
  choices: Build,
  view: ConfigurationState,
  scratch: RecommendScratch,
): Record<string, number> | null {
  const assignment = buildToAssignment(configurator.compiled, choices);
  const scores: Record<string, number> = {};
  let any = false;
  for (const { vars, valid } of openSlots(configurator, choices, view)) {
    const offset = vars.kind === 'optional' ? 1 : 0;
    const r = recommend(rec, configurator.diagram, assignment, vars.choice, { valid, scratch });
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

export interface PopularState {
  marks: ReadonlyMap<string, PopularMark>;
  /**
   * "Finish like most buyers": the scores ({@link popularScores}) for a build, computed when asked (a click), not
   * after every change; null before the recommender is learned.
   */
  finish: ((choices: Build, view: ConfigurationState) => Record<string, number> | null) | null;
}

export function createPopularStore(): StoreApi<PopularState> {
  return createStore<PopularState>()(() => ({ marks: new Map(), finish: null }));
}

export const PopularStoreContext = createContext<StoreApi<PopularState> | null>(null);

/** One slot's mark; a card re-renders only when its own slot's mark changes. */
export function usePopularMark(slotId: string): PopularMark | undefined {
  return useStore(useContext(PopularStoreContext) ?? noMarks, (s) => s.marks.get(slotId));
}

/** "Finish like most buyers" ({@link PopularState.finish}), or null before the recommender is learned. */
export function usePopularFinish(): PopularState['finish'] {
  return useStore(useContext(PopularStoreContext) ?? noMarks, (s) => s.finish);
}

// Cards rendered without the provider (component tests) read an empty store.
const noMarks = createPopularStore();

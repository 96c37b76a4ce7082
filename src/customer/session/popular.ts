import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Build } from '../../core/catalog/index.ts';
import { NONE } from '../../core/configurator/compile-catalog.ts';
import { buildToAssignment } from '../../core/configurator/build-mapping.ts';
import type { ConfigurationState, Configurator } from '../../core/configurator/configurator.ts';
import {
  preferencesFromOptionWeights,
  recommend,
  type CustomerHistory,
  type Reason,
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
  for (const vars of cm.slots) {
    if (vars.kind === 'multi' || vars.slot.group !== step) continue;
    if (Object.keys(choices[vars.slot.id] ?? {}).length > 0) continue;
    const state = view.slots.find((s) => s.slot === vars.slot.id);
    if (!state) continue;
    const offset = vars.kind === 'optional' ? 1 : 0;
    const valid = state.options.flatMap((o, i) => (o.available ? [i + offset] : []));
    if (vars.kind === 'optional' && state.emptyAvailable) valid.unshift(0);
    if (valid.length < 2) continue;
    const r = recommend(rec, configurator.diagram, assignment, vars.choice, {
      valid,
      scratch,
      minSupport: MIN_SUPPORT,
      ...(customer ? { customer } : {}),
    });
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
}

export function createPopularStore(): StoreApi<PopularState> {
  return createStore<PopularState>()(() => ({ marks: new Map() }));
}

export const PopularStoreContext = createContext<StoreApi<PopularState> | null>(null);

/** One slot's mark; a card re-renders only when its own slot's mark changes. */
export function usePopularMark(slotId: string): PopularMark | undefined {
  return useStore(useContext(PopularStoreContext) ?? noMarks, (s) => s.marks.get(slotId));
}

// Cards rendered without the provider (component tests) read an empty store.
const noMarks = createPopularStore();

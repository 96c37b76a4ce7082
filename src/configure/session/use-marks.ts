import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { Build } from '../../core/catalog/index.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { PopularAdvisor, sameMarks } from '../../core/configurator/popular-marks.ts';
import { useRecommender } from './learn-recommender.ts';
import type { MarksState } from './marks.ts';
import type { SessionHandle } from './session-context.tsx';

/** Recomputing the recommender's marks waits for the clicks to settle, so it never delays a click's update. */
const MARKS_DELAY_MS = 60;

/**
 * What to recommend in each slot still open: the engine's best completion under the customer's weights (so only
 * options that still lead to a complete build), kept only where the customer's history speaks for the option.
 */
export function recommendations(
  configurator: Configurator,
  choices: Build,
  weights: Readonly<Record<string, number>>,
): Map<string, string> {
  const result = new Map<string, string>();
  const completion = configurator.complete(choices, new Map(Object.entries(weights)));
  if (!completion) return result;
  for (const slot of configurator.catalog.slots) {
    if (Object.keys(choices[slot.id] ?? {}).length > 0) continue;
    const best = Object.keys(completion[slot.id] ?? {}).find((id) => (weights[id] ?? 0) > 0);
    if (best) result.set(slot.id, best);
  }
  return result;
}

const sameOptions = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
  a.size === b.size && [...a].every(([slot, option]) => b.get(slot) === option);

/**
 * Keeps "Recommended for you" in `store` as the choices change (with the change itself: a chosen slot loses its
 * mark at once). Pre: `weights` is the customer's (null: none, or personalization off).
 */
export function useRecommendedMarks(
  handle: SessionHandle,
  weights: Readonly<Record<string, number>> | null,
  store: StoreApi<MarksState>,
) {
  useEffect(() => {
    const { actor, configurator } = handle;
    if (!weights) {
      store.setState({ recommended: new Map() });
      return;
    }
    let choices: Build | undefined;
    const update = () => {
      const now = actor.getSnapshot().context.choices;
      if (now === choices) return;
      choices = now;
      const recommended = recommendations(configurator, now, weights);
      if (!sameOptions(recommended, store.getState().recommended)) store.setState({ recommended });
    };
    update();
    const subscription = actor.subscribe(update);
    return () => subscription.unsubscribe();
  }, [handle, weights, store]);
}

/**
 * Keeps the recommender's marks (core/configurator/popular-marks.ts) of the current step in `store`, and its
 * "Finish like most buyers", learned from the catalog's sales. Pre: `weights` is the customer's (null: none, or
 * personalization off).
 */
export function usePopularMarks(
  handle: SessionHandle,
  weights: Readonly<Record<string, number>> | null,
  store: StoreApi<MarksState>,
) {
  const rec = useRecommender(handle.configurator);
  useEffect(() => {
    const { actor, configurator } = handle;
    if (!rec) {
      store.setState({ popular: new Map(), finish: null });
      return;
    }
    const advisor = new PopularAdvisor(configurator, rec, weights);
    const update = () => {
      const { choices, view, step } = actor.getSnapshot().context;
      const popular = advisor.marks(choices, view, step);
      if (!sameMarks(popular, store.getState().popular)) store.setState({ popular });
    };
    store.setState({ finish: (choices, view) => advisor.finishScores(choices, view) });
    update();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const cancel = () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      idle = undefined;
    };
    // When the clicks have settled, and then only in the browser's idle time, so a click never waits for it.
    const whenIdle = () => {
      if (typeof requestIdleCallback === 'undefined') update();
      else idle = requestIdleCallback(update, { timeout: 1000 });
    };
    const subscription = actor.subscribe(() => {
      cancel();
      timer = setTimeout(whenIdle, MARKS_DELAY_MS);
    });
    return () => {
      cancel();
      subscription.unsubscribe();
    };
  }, [rec, handle, weights, store]);
}

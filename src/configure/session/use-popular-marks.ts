import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { PopularAdvisor, sameMarks } from '../../core/configurator/popular-marks.ts';
import { useRecommender } from './learn-recommender.ts';
import type { PopularState } from './popular.ts';
import type { SessionHandle } from './session-context.tsx';

/** Recomputing the recommender's marks waits for the clicks to settle, so it never delays a click's update. */
const MARKS_DELAY_MS = 60;

/**
 * Keeps the recommender's marks (core/configurator/popular-marks.ts) of the current step in `store`, and its "Finish like most buyers",
 * learned from the catalog's sales. Pre: `weights` is the customer's (null: none, or personalization off).
 */
export function usePopularMarks(
  handle: SessionHandle,
  weights: Record<string, number> | null,
  store: StoreApi<PopularState>,
) {
  const rec = useRecommender(handle.configurator);
  useEffect(() => {
    const { actor, configurator } = handle;
    if (!rec) {
      store.setState({ marks: new Map(), finish: null });
      return;
    }
    const advisor = new PopularAdvisor(configurator, rec, weights);
    const update = () => {
      const { choices, view, step } = actor.getSnapshot().context;
      const marks = advisor.marks(choices, view, step);
      if (!sameMarks(marks, store.getState().marks)) store.setState({ marks });
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

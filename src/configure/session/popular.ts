import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Build } from '../../core/catalog/index.ts';
import type { ConfigurationState } from '../../core/configurator/configurator.ts';
import type { PopularMark } from '../../core/configurator/popular-marks.ts';

export interface PopularState {
  marks: ReadonlyMap<string, PopularMark>;
  /**
   * "Finish like most buyers": the scores (PopularAdvisor.finishScores) for a build, computed when asked (a click),
   * not after every change; null before the recommender is learned.
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

import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Build } from '../../core/catalog/index.ts';
import type { ConfigurationState } from '../../core/configurator/configurator.ts';
import type { PopularMark } from '../../core/configurator/popular-marks.ts';

/**
 * The marks of a running session, one per slot at most: "Recommended for you" (the customer's weighted completion)
 * wins over the recommender's mark. A store rather than a context value, so that a card reads its own mark and
 * re-renders only when that changes.
 */
export interface MarksState {
  /** Slot → the option recommended for the customer; empty for guests and customers without history. */
  recommended: ReadonlyMap<string, string>;
  /** Slot → the population recommender's mark (what buyers chose, or the customer's own builds). */
  popular: ReadonlyMap<string, PopularMark>;
  /**
   * "Finish like most buyers": the scores (PopularAdvisor.finishScores) for a build, computed when asked (a click),
   * not after every change; null before the recommender is learned.
   */
  finish: ((choices: Build, view: ConfigurationState) => Record<string, number> | null) | null;
}

export function createMarksStore(): StoreApi<MarksState> {
  return createStore<MarksState>()(() => ({ recommended: new Map(), popular: new Map(), finish: null }));
}

export const MarksStoreContext = createContext<StoreApi<MarksState> | null>(null);

// Cards rendered without the provider (component tests) read an empty store.
const noMarks = createMarksStore();
const useMarks = <T>(select: (s: MarksState) => T): T =>
  useStore(useContext(MarksStoreContext) ?? noMarks, select);

/** An option's mark: a primitive, so a card re-renders only when its own mark changes. */
export function useOptionMark(slotId: string, optionId: string): 'recommended' | 'popular' | undefined {
  return useMarks((s) => {
    const recommended = s.recommended.get(slotId);
    if (recommended !== undefined) return recommended === optionId ? 'recommended' : undefined;
    const mark = s.popular.get(slotId);
    if (mark?.optionId !== optionId) return undefined;
    return mark.source === 'preferences' ? 'recommended' : 'popular';
  });
}

/** The option recommended for the customer in a slot, if any. */
export function useRecommendedOption(slotId: string): string | undefined {
  return useMarks((s) => s.recommended.get(slotId));
}

/** The recommender's mark for a slot, unless "Recommended for you" marks that slot. */
export function useSlotPopularMark(slotId: string): PopularMark | undefined {
  return useMarks((s) => (s.recommended.has(slotId) ? undefined : s.popular.get(slotId)));
}

/** "Finish like most buyers" ({@link MarksState.finish}), or null before the recommender is learned. */
export function usePopularFinish(): MarksState['finish'] {
  return useMarks((s) => s.finish);
}

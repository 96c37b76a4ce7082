import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSelector } from '@xstate/react';
import { useStore } from 'zustand';
import type { z } from 'zod';
import type { ConfigEvent } from '../../contract/interactions.schema.ts';
import type { recommendationEventSchema } from '../../contract/recommendations.schema.ts';
import type { SessionEmitted } from '../../machines/session-events.ts';
import type { Build } from '../../core/catalog/index.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { useConfigureHost, type ConfigureHost } from '../host.ts';
import { createEventBatch, type EventBatch } from './event-batch.ts';
import type { PopularMark } from '../../core/configurator/popular-marks.ts';
import { createPopularStore, PopularStoreContext, usePopularMark } from './popular.ts';
import { usePopularMarks } from './use-popular-marks.ts';
import type { SessionHandle } from './session-context.tsx';

type RecommendationEvent = z.infer<typeof recommendationEventSchema>;

/** A session's emitted change as the interaction log's event for this catalog version. */
function toConfigEvent(emitted: SessionEmitted, catalogId: string, catalogVersion: string): ConfigEvent {
  const at = { catalogId, catalogVersion };
  switch (emitted.type) {
    case 'config.chose':
      return {
        kind: emitted.type,
        ...at,
        slotId: emitted.slotId,
        optionId: emitted.optionId,
        quantity: emitted.quantity,
      };
    case 'config.unchose':
      return { kind: emitted.type, ...at, slotId: emitted.slotId, optionId: emitted.optionId };
    case 'config.repaired':
      return { kind: emitted.type, ...at, changes: emitted.changes };
    case 'config.completed':
      return { kind: emitted.type, ...at, selections: emitted.selections };
  }
}

/** The source name under which "recommended for you" marks are logged (acceptance is measured per source). */
export const RECOMMENDATION_SOURCE = 'preferences';

export interface Personal {
  /** Option id → the customer's preference score; null for guests, staff, or with personalization off. */
  weights: Record<string, number> | null;
  /** Slot id → the option recommended there: the preference-weighted completion, where it has evidence. */
  recommended: ReadonlyMap<string, string>;
}

const none: Personal = { weights: null, recommended: new Map() };
export const PersonalContext = createContext<Personal>(none);
export const usePersonal = () => useContext(PersonalContext);

/** The recommender's mark for a slot, unless "Recommended for you" marks that slot: one mark per slot. */
export function useSlotPopularMark(slotId: string): PopularMark | undefined {
  const mark = usePopularMark(slotId);
  return usePersonal().recommended.has(slotId) ? undefined : mark;
}

/** The owner's option weights for this catalog, where the host personalises (cached under the owner's key). */
export function usePersonalWeights(catalogId: string): Record<string, number> | null {
  const { personal, cacheKey } = useConfigureHost();
  const query = useQuery({
    queryKey: [...cacheKey, 'option-weights', catalogId],
    queryFn: ({ signal }) =>
      personal?.weights(catalogId, signal) ?? Promise.reject(new Error('nothing personal here')),
    enabled: personal !== undefined,
  });
  if (!personal || !query.data?.personalization) return null;
  return Object.keys(query.data.weights).length > 0 ? query.data.weights : null;
}

/**
 * What to recommend in each slot still open: the engine's best completion under the customer's weights (so only
 * options that still lead to a complete build), kept only where the customer's history speaks for the option.
 */
export function recommendations(
  configurator: Configurator,
  choices: Build,
  weights: Record<string, number> | null,
): Map<string, string> {
  const result = new Map<string, string>();
  if (!weights) return result;
  const completion = configurator.complete(choices, new Map(Object.entries(weights)));
  if (!completion) return result;
  for (const slot of configurator.catalog.slots) {
    if (Object.keys(choices[slot.id] ?? {}).length > 0) continue;
    const best = Object.keys(completion[slot.id] ?? {}).find((id) => (weights[id] ?? 0) > 0);
    if (best) result.set(slot.id, best);
  }
  return result;
}

/**
 * The personal layer of a running session, recomputed on each change only when there are weights (guests and
 * customers without history never re-render for it).
 */
export function usePersonalState(handle: SessionHandle, weights: Record<string, number> | null): Personal {
  const choices = useSelector(handle.actor, (s) => (weights ? s.context.choices : null));
  const { configurator } = handle;
  return useMemo(
    () =>
      weights && choices ? { weights, recommended: recommendations(configurator, choices, weights) } : none,
    [configurator, choices, weights],
  );
}

/** Provides the personal layer and the recommender's marks (and logs them) without re-rendering the page around
 * it on every click. */
export function PersonalProvider({ handle, children }: { handle: SessionHandle; children: ReactNode }) {
  const weights = usePersonalWeights(handle.configurator.catalog.id);
  const personal = usePersonalState(handle, weights);
  const [store] = useState(createPopularStore);
  usePopularMarks(handle, weights, store);
  const popular = useStore(store, (s) => s.marks);
  useSessionLogging(handle, personal, popular, useConfigureHost().log);
  return (
    <PersonalContext.Provider value={personal}>
      <PopularStoreContext.Provider value={store}>{children}</PopularStoreContext.Provider>
    </PersonalContext.Provider>
  );
}

/**
 * Forwards the session's changes to the interaction log (the server learns preferences from them), and logs each
 * mark the shopper is shown in the current step, once, under its source, and whether it was taken.
 */
export function useSessionLogging(
  handle: SessionHandle,
  personal: Personal,
  popular: ReadonlyMap<string, PopularMark>,
  log: ConfigureHost['log'],
) {
  const { actor, configurator } = handle;
  const { id: catalogId, version: catalogVersion } = configurator.catalog;
  const step = useSelector(actor, (s) => s.context.step);
  /** slot/option → the source it was shown under. */
  const shown = useRef(new Map<string, string>());
  const taken = useRef(new Set<string>());
  const recommendationLog = useRef<EventBatch<RecommendationEvent> | null>(null);

  useEffect(() => {
    if (!log) return;
    const interactions = createEventBatch<ConfigEvent>(log.interactions);
    const recs = createEventBatch<RecommendationEvent>(log.recommendations);
    recommendationLog.current = recs;
    const subscription = actor.on('*', (emitted) => {
      interactions.add(toConfigEvent(emitted, catalogId, catalogVersion));
      if (emitted.type !== 'config.chose') return;
      const key = `${emitted.slotId}/${emitted.optionId}`;
      const source = shown.current.get(key);
      if (source !== undefined && !taken.current.has(key)) {
        taken.current.add(key);
        recs.add({ event: 'taken', catalogId, catalogVersion, ...ref(key), source });
      }
    });
    return () => {
      subscription.unsubscribe();
      interactions.close();
      recs.close();
      recommendationLog.current = null;
    };
  }, [actor, catalogId, catalogVersion, log]);

  useEffect(() => {
    const inStep = new Set(configurator.catalog.slots.filter((s) => s.group === step).map((s) => s.id));
    const marks: [string, string, string][] = [
      ...[...personal.recommended].map(([slot, option]): [string, string, string] => [
        slot,
        option,
        RECOMMENDATION_SOURCE,
      ]),
      ...[...popular]
        .filter(([slot]) => !personal.recommended.has(slot))
        .map(([slot, m]): [string, string, string] => [slot, m.optionId, m.source]),
    ];
    for (const [slotId, optionId, source] of marks) {
      const key = `${slotId}/${optionId}`;
      if (!inStep.has(slotId) || shown.current.has(key)) continue;
      shown.current.set(key, source);
      recommendationLog.current?.add({
        event: 'shown',
        catalogId,
        catalogVersion,
        slotId,
        optionId,
        source,
      });
    }
  }, [personal.recommended, popular, step, configurator, catalogId, catalogVersion]);
}

const ref = (key: string) => {
  const [slotId = '', optionId = ''] = key.split('/');
  return { slotId, optionId };
};

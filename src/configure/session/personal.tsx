import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSelector } from '@xstate/react';
import { useStore } from 'zustand';
import type { z } from 'zod';
import type { ConfigEvent } from '../../contract/interactions.schema.ts';
import type { recommendationEventSchema } from '../../contract/recommendations.schema.ts';
import type { SessionEmitted } from '../../machines/session-events.ts';
import type { OptionWeightsResponse } from '../../contract/preferences.schema.ts';
import { useConfigureHost, type ConfigureHost } from '../host.ts';
import { createEventBatch, type EventBatch } from './event-batch.ts';
import type { PopularMark } from '../../core/configurator/popular-marks.ts';
import { createMarksStore, MarksStoreContext } from './marks.ts';
import { usePopularMarks, useRecommendedMarks } from './use-marks.ts';
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
const RECOMMENDATION_SOURCE = 'preferences';

export type OptionEvidence = OptionWeightsResponse['evidence'][string];

export interface Personal {
  /** Option id → the customer's preference score; null for guests, staff, or with personalization off. */
  weights: Readonly<Record<string, number>> | null;
  /** Option id → the preference behind most of its score (why it is recommended). */
  evidence: Readonly<Record<string, OptionEvidence>>;
}

const none: Personal = { weights: null, evidence: {} };
const PersonalContext = createContext<Personal>(none);
export const usePersonal = () => useContext(PersonalContext);

/** The owner's option weights for this catalog, where the host personalises (cached under the owner's key). */
function usePersonalWeights(catalogId: string): Personal {
  const { personal, cacheKey } = useConfigureHost();
  const query = useQuery({
    queryKey: [...cacheKey, 'option-weights', catalogId],
    queryFn: ({ signal }) =>
      personal?.weights(catalogId, signal) ?? Promise.reject(new Error('nothing personal here')),
    enabled: personal !== undefined,
  });
  const data = personal && query.data?.personalization ? query.data : undefined;
  return useMemo(
    () =>
      data && Object.keys(data.weights).length > 0
        ? { weights: data.weights, evidence: data.evidence }
        : none,
    [data],
  );
}

/**
 * Provides the personal layer and keeps the session's marks in a store (cards read their own), and logs them,
 * without re-rendering the page around it on every click.
 */
export function PersonalProvider({ handle, children }: { handle: SessionHandle; children: ReactNode }) {
  const personal = usePersonalWeights(handle.configurator.catalog.id);
  const [store] = useState(createMarksStore);
  useRecommendedMarks(handle, personal.weights, store);
  usePopularMarks(handle, personal.weights, store);
  const recommended = useStore(store, (s) => s.recommended);
  const popular = useStore(store, (s) => s.popular);
  useSessionLogging(handle, recommended, popular, useConfigureHost().log);
  return (
    <PersonalContext.Provider value={personal}>
      <MarksStoreContext.Provider value={store}>{children}</MarksStoreContext.Provider>
    </PersonalContext.Provider>
  );
}

/**
 * Forwards the session's changes to the interaction log (the server learns preferences from them), and logs each
 * mark the shopper is shown in the current step, once, under its source, and whether it was taken.
 */
function useSessionLogging(
  handle: SessionHandle,
  recommended: ReadonlyMap<string, string>,
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
      ...[...recommended].map(([slot, option]): [string, string, string] => [
        slot,
        option,
        RECOMMENDATION_SOURCE,
      ]),
      ...[...popular]
        .filter(([slot]) => !recommended.has(slot))
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
  }, [recommended, popular, step, configurator, catalogId, catalogVersion]);
}

const ref = (key: string) => {
  const [slotId = '', optionId = ''] = key.split('/');
  return { slotId, optionId };
};

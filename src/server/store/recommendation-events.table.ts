import type { Insertable, Selectable } from 'kysely';

export const recommendationEventKinds = ['shown', 'taken'] as const;
export type RecommendationEventKind = (typeof recommendationEventKinds)[number];

export interface RecommendationEventsTable {
  id: string;
  customer_id: string | null;
  guest_id: string | null;
  event: RecommendationEventKind;
  catalog_id: string;
  catalog_version: string;
  slot_id: string;
  option_id: string;
  /** What produced the recommendation, e.g. `preferences`, `similar-customers`. */
  source: string;
  created_at: string;
}
export type RecommendationEventRow = Selectable<RecommendationEventsTable>;
export type NewRecommendationEvent = Insertable<RecommendationEventsTable>;

import type { Generated, Insertable, Selectable } from 'kysely';
import type { InteractionChannel } from './interactions.table.ts';

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
  /** `store` when staff showed the customer's marks in the console; `web` online. */
  channel: Generated<InteractionChannel>;
  /** The staff member in the store; null online. */
  actor_user_id: string | null;
}
export type RecommendationEventRow = Selectable<RecommendationEventsTable>;
export type NewRecommendationEvent = Insertable<RecommendationEventsTable>;

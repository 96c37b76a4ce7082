import type { Insertable, Selectable } from 'kysely';

export const interactionChannels = ['web', 'store', 'phone'] as const;
export type InteractionChannel = (typeof interactionChannels)[number];

/** The one-to-one memory: every contact with a customer. Append-only — never updated or deleted. */
export interface InteractionsTable {
  id: string;
  customer_id: string;
  channel: InteractionChannel;
  /** The sales person who logged it; null for the customer's own web activity. */
  actor_user_id: string | null;
  /** e.g. `build.saved`, `quote.requested`, `note`. */
  kind: string;
  catalog_id: string | null;
  catalog_version: string | null;
  /** JSON object, shape depends on `kind`. */
  payload: string;
  created_at: string;
}
export type InteractionRow = Selectable<InteractionsTable>;
export type NewInteraction = Insertable<InteractionsTable>;

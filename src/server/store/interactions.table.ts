import type { Insertable, Selectable } from 'kysely';

export const interactionChannels = ['web', 'store', 'phone'] as const;
export type InteractionChannel = (typeof interactionChannels)[number];

/** The one-to-one memory: every contact with a customer. Append-only — never updated or deleted. */
export interface InteractionsTable {
  id: string;
  customer_id: string;
  channel: InteractionChannel;
  /** Who acted: the staff member who logged it, or the customer's own user for their web activity (null: no login, e.g. seeded). */
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

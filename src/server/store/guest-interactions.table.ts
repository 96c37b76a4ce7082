import type { Insertable, Selectable } from 'kysely';

/** A guest's events until sign-in merges them into `interactions` (see the migration's note). */
export interface GuestInteractionsTable {
  id: string;
  guest_id: string;
  kind: string;
  catalog_id: string | null;
  catalog_version: string | null;
  payload: string;
  created_at: string;
}
export type GuestInteractionRow = Selectable<GuestInteractionsTable>;
export type NewGuestInteraction = Insertable<GuestInteractionsTable>;

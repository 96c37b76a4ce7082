import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { GuestInteractionRow } from './guest-interactions.table.ts';
import { newId, nowIso } from './ids.ts';

export interface NewGuestEvent {
  guestId: string;
  kind: string;
  catalogId: string | null;
  catalogVersion: string | null;
  payload: Record<string, unknown>;
  createdAt?: string;
}

export async function appendGuestInteractions(
  db: Kysely<Database>,
  events: readonly NewGuestEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const now = nowIso();
  await db
    .insertInto('guest_interactions')
    .values(
      events.map((e) => ({
        id: newId(),
        guest_id: e.guestId,
        kind: e.kind,
        catalog_id: e.catalogId,
        catalog_version: e.catalogVersion,
        payload: JSON.stringify(e.payload),
        created_at: e.createdAt ?? now,
      })),
    )
    .execute();
}

/** A guest's events, oldest first: the order they are merged and learned in. */
export async function listGuestInteractions(
  db: Kysely<Database>,
  guestId: string,
): Promise<GuestInteractionRow[]> {
  return db
    .selectFrom('guest_interactions')
    .selectAll()
    .where('guest_id', '=', guestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Only after the events were appended to the customer's log (same transaction). */
export async function deleteGuestInteractions(db: Kysely<Database>, guestId: string): Promise<void> {
  await db.deleteFrom('guest_interactions').where('guest_id', '=', guestId).execute();
}

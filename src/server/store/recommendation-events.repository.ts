import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { newId } from './ids.ts';
import type { NewRecommendationEvent } from './recommendation-events.table.ts';

export async function insertRecommendationEvents(
  db: Kysely<Database>,
  events: readonly Omit<NewRecommendationEvent, 'id'>[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('recommendation_events')
    .values(events.map((e) => ({ id: newId(), ...e })))
    .execute();
}

export interface AcceptanceCounts {
  source: string;
  shown: number;
  taken: number;
}

/** Shown and taken counts per source, optionally for one catalog or source. */
export async function acceptanceBySource(
  db: Kysely<Database>,
  filter: { catalogId?: string | undefined; source?: string | undefined },
): Promise<AcceptanceCounts[]> {
  let query = db
    .selectFrom('recommendation_events')
    .select(['source', 'event', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['source', 'event']);
  if (filter.catalogId) query = query.where('catalog_id', '=', filter.catalogId);
  if (filter.source) query = query.where('source', '=', filter.source);
  const bySource = new Map<string, AcceptanceCounts>();
  for (const row of await query.execute()) {
    const entry = bySource.get(row.source) ?? { source: row.source, shown: 0, taken: 0 };
    entry[row.event] += Number(row.n);
    bySource.set(row.source, entry);
  }
  return [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source));
}

/** Sign-in merge: a guest's recommendation events become the customer's. */
export async function adoptGuestRecommendationEvents(
  db: Kysely<Database>,
  guestId: string,
  customerId: string,
): Promise<void> {
  await db
    .updateTable('recommendation_events')
    .set({ customer_id: customerId, guest_id: null })
    .where('guest_id', '=', guestId)
    .execute();
}

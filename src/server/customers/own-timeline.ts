import type { OwnTimelineItem } from '../../contract/interactions.schema.ts';
import type { InteractionPayload, TimelineEntry } from '../store/interactions.repository.ts';
import { timelineItem } from './present.ts';

/**
 * A staff member as the customer reads them: first name and role. The first name is what their badge in the store
 * shows and what the customer calls them by ("I spoke with Sam"); the surname and the user id are internal — the
 * id is a key into staff systems, and a full name would make staff findable outside work.
 */
export function staffAsCustomerSees(actor: { name: string; role: string }): OwnTimelineItem['actor'] {
  const first = actor.name.trim().split(/\s+/)[0] ?? '';
  return { who: 'staff', name: first, role: actor.role };
}

/**
 * What of a payload the customer may read: a note only when staff shared it (`shared: true`; notes are internal by
 * default, and older notes carry no flag, so they stay internal), and no user ids of anyone.
 */
export function payloadForCustomer(payload: InteractionPayload): InteractionPayload {
  const { note, shared, ...rest } = payload;
  const kept = Object.fromEntries(Object.entries(rest).filter(([key]) => !/user_?id$/i.test(key)));
  return shared === true && typeof note === 'string' && note !== '' ? { ...kept, note } : kept;
}

/**
 * Kinds of entries only staff read: a discount approval is the store's internal negotiation (who asked, who refused
 * and why), not part of what the customer was offered; the quote that follows from it is.
 */
export const STAFF_ONLY_KIND_PREFIXES: readonly string[] = ['approval.'];

/** One entry of the customer's own timeline: "you" for their own steps, staff by first name and role. */
export function ownTimelineItem(entry: TimelineEntry): OwnTimelineItem {
  const { actor: _actor, ...item } = timelineItem(entry);
  const byStaff = entry.actor !== null && entry.actor.role !== 'customer';
  return {
    ...item,
    actor: byStaff && entry.actor ? staffAsCustomerSees(entry.actor) : { who: 'you' },
    payload: payloadForCustomer(entry.payload),
  };
}

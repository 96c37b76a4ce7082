import type { Kysely } from 'kysely';
import type { QuoteGroup, QuoteRevision } from '../../contract/store-quotes.schema.ts';
import { consecutiveDiffs } from '../../core/quotes/diff.ts';
import { bpToPercent } from '../../core/quotes/terms.ts';
import { staffAsCustomerSees } from '../customers/own-timeline.ts';
import type { Database } from '../store/database.ts';
import type { QuoteRevisionRecord } from '../store/quote-revisions.repository.ts';

export type StaffRef = { name: string; role: string };

/**
 * Staff as a quote names them, to the console and to the customer alike: first name and role (the name on their
 * badge), never the user id — a quote is handed to the customer.
 */
export async function staffRefs(
  db: Kysely<Database>,
  userIds: readonly (string | null)[],
): Promise<Map<string, StaffRef>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', 'in', ids).execute();
  return new Map(
    users.map((u) => {
      const seen = staffAsCustomerSees(u);
      return [u.id, seen.who === 'staff' ? { name: seen.name, role: seen.role } : { name: '', role: u.role }];
    }),
  );
}

/** The order placed from each of these revisions, by revision id. */
async function ordersOfRevisions(db: Kysely<Database>, quoteIds: string[]): Promise<Map<string, string>> {
  if (quoteIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orders')
    .select(['id', 'quote_id'])
    .where('quote_id', 'in', quoteIds)
    .execute();
  return new Map(rows.flatMap((r) => (r.quote_id ? [[r.quote_id, r.id] as const] : [])));
}

/**
 * Quote groups as the contract has them: revisions oldest first with who made and approved each, whether each is
 * still valid at the server's clock and the order placed from it, and the differences from each to the next.
 * @pre each group is one group's revisions, oldest first.
 */
export async function presentQuoteGroups(
  db: Kysely<Database>,
  groups: readonly QuoteRevisionRecord[][],
  now: Date,
): Promise<QuoteGroup[]> {
  const all = groups.flat();
  const [staff, orders] = await Promise.all([
    staffRefs(
      db,
      all.flatMap((r) => [r.createdByUserId, r.approvedByUserId]),
    ),
    ordersOfRevisions(
      db,
      all.map((r) => r.id),
    ),
  ]);
  const staffOf = (id: string | null) => (id === null ? null : (staff.get(id) ?? null));
  return groups.flatMap((records) => {
    const first = records[0];
    if (!first) return [];
    const revisions = records.map((r): QuoteRevision => ({
      id: r.id,
      groupId: r.groupId,
      revision: r.revision,
      customerId: r.customerId,
      buildId: r.buildId,
      catalogId: r.catalogId,
      catalogVersion: r.catalogVersion,
      selections: r.selections,
      currency: r.currency,
      lines: r.lines,
      listTotalCents: r.listTotalCents,
      discountPercent: bpToPercent(r.discountBp),
      totalCents: r.totalCents,
      createdAt: r.createdAt,
      validUntil: r.validUntil,
      valid: isValidAt(r, now),
      channel: r.channel,
      createdBy: staffOf(r.createdByUserId),
      approvedBy: staffOf(r.approvedByUserId),
      approvedAt: r.approvedAt,
      orderId: orders.get(r.id) ?? null,
    }));
    return [
      { groupId: first.groupId, customerId: first.customerId, revisions, diffs: consecutiveDiffs(revisions) },
    ];
  });
}

/** A quote promises its price until `validUntil` (exclusive), at the server's clock. */
export const isValidAt = (revision: Pick<QuoteRevisionRecord, 'validUntil'>, now: Date): boolean =>
  Date.parse(revision.validUntil) > now.getTime();

/** One quote group. @pre `revisions` is one group's revisions, oldest first, at least one. */
export async function presentQuoteGroup(
  db: Kysely<Database>,
  revisions: QuoteRevisionRecord[],
  now: Date,
): Promise<QuoteGroup> {
  const [group] = await presentQuoteGroups(db, [revisions], now);
  if (!group) throw new Error('a quote group has at least one revision');
  return group;
}

import type { Kysely } from 'kysely';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import type { QuotedLine } from '../../core/profile/discounts.ts';
import type { Database } from './database.ts';
import type { InteractionChannel } from './interactions.table.ts';
import type { QuoteRow } from './quotes.table.ts';

/** One revision of a quote group, parsed; user ids stay server-side (the routes turn them into names). */
export interface QuoteRevisionRecord {
  id: string;
  groupId: string;
  revision: number;
  customerId: string;
  buildId: string | null;
  catalogId: string;
  catalogVersion: string;
  selections: BuildSelections;
  lines: QuotedLine[];
  currency: string;
  listTotalCents: number;
  discountBp: number;
  totalCents: number;
  createdAt: string;
  validUntil: string;
  channel: InteractionChannel;
  createdByUserId: string | null;
  approvalRequestId: string | null;
  approvedByUserId: string | null;
  approvedAt: string | null;
}

export function revisionFromRow(row: QuoteRow): QuoteRevisionRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    revision: row.revision,
    customerId: row.customer_id,
    buildId: row.build_id,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    selections: JSON.parse(row.selections) as BuildSelections,
    lines: JSON.parse(row.lines) as QuotedLine[],
    currency: row.currency,
    listTotalCents: row.list_total_cents ?? row.total_cents,
    discountBp: row.discount_bp,
    totalCents: row.total_cents,
    createdAt: row.created_at,
    validUntil: row.valid_until,
    channel: row.channel,
    createdByUserId: row.created_by_user_id,
    approvalRequestId: row.approval_request_id,
    approvedByUserId: row.approved_by_user_id,
    approvedAt: row.approved_at,
  };
}

/**
 * Stores a revision. The (group_id, revision) pair is unique, so two staff revising the same group at once cannot
 * both become revision n: the second insert fails (the caller answers 409 and may retry with the next number).
 */
export async function insertQuoteRevision(db: Kysely<Database>, q: QuoteRevisionRecord): Promise<void> {
  await db
    .insertInto('quotes')
    .values({
      id: q.id,
      group_id: q.groupId,
      revision: q.revision,
      customer_id: q.customerId,
      build_id: q.buildId,
      catalog_id: q.catalogId,
      catalog_version: q.catalogVersion,
      selections: JSON.stringify(q.selections),
      lines: JSON.stringify(q.lines),
      currency: q.currency,
      list_total_cents: q.listTotalCents,
      discount_bp: q.discountBp,
      total_cents: q.totalCents,
      created_at: q.createdAt,
      valid_until: q.validUntil,
      channel: q.channel,
      created_by_user_id: q.createdByUserId,
      approval_request_id: q.approvalRequestId,
      approved_by_user_id: q.approvedByUserId,
      approved_at: q.approvedAt,
    })
    .execute();
}

export async function findQuoteRevision(
  db: Kysely<Database>,
  id: string,
): Promise<QuoteRevisionRecord | undefined> {
  const row = await db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && revisionFromRow(row);
}

/** A group's revisions, oldest first. */
export async function listQuoteGroup(db: Kysely<Database>, groupId: string): Promise<QuoteRevisionRecord[]> {
  const rows = await db
    .selectFrom('quotes')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('revision')
    .execute();
  return rows.map(revisionFromRow);
}

/** Every revision of every quote group of the customer, grouped, newest group first, revisions oldest first. */
export async function listQuoteGroupsOfCustomer(
  db: Kysely<Database>,
  customerId: string,
): Promise<QuoteRevisionRecord[][]> {
  const rows = await db
    .selectFrom('quotes')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('revision', 'desc')
    .execute();
  const groups = new Map<string, QuoteRevisionRecord[]>();
  for (const row of rows) {
    const revision = revisionFromRow(row);
    const group = groups.get(revision.groupId) ?? [];
    group.unshift(revision);
    groups.set(revision.groupId, group);
  }
  return [...groups.values()];
}

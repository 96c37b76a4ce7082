import { sql, type Kysely } from 'kysely';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import type { ApprovalRequestRow, ApprovalStatus } from './approval-requests.table.ts';
import type { Database } from './database.ts';

/** One approval request, parsed; user ids stay server-side (the routes turn them into names). */
export interface ApprovalRequestRecord {
  id: string;
  customerId: string;
  groupId: string | null;
  buildId: string;
  catalogId: string;
  catalogVersion: string;
  selections: BuildSelections;
  discountBp: number;
  listTotalCents: number;
  totalCents: number;
  currency: string;
  note: string | null;
  requestedByUserId: string;
  status: ApprovalStatus;
  decidedByUserId: string | null;
  decidedAt: string | null;
  reason: string | null;
  createdAt: string;
}

export type NewApprovalRequestRecord = Omit<
  ApprovalRequestRecord,
  'status' | 'decidedByUserId' | 'decidedAt' | 'reason'
>;

function fromRow(row: ApprovalRequestRow): ApprovalRequestRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    groupId: row.group_id,
    buildId: row.build_id,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    selections: JSON.parse(row.selections) as BuildSelections,
    discountBp: row.discount_bp,
    listTotalCents: row.list_total_cents,
    totalCents: row.total_cents,
    currency: row.currency,
    note: row.note,
    requestedByUserId: row.requested_by_user_id,
    status: row.status,
    decidedByUserId: row.decided_by_user_id,
    decidedAt: row.decided_at,
    reason: row.reason,
    createdAt: row.created_at,
  };
}

/**
 * Stores a pending request, unless the same salesperson already has one pending for this customer, build and
 * discount (a double click, a retry): then that one, with `created: false`.
 */
export async function insertApprovalRequest(
  db: Kysely<Database>,
  r: NewApprovalRequestRecord,
): Promise<{ request: ApprovalRequestRecord; created: boolean }> {
  const row = await db
    .insertInto('approval_requests')
    .values({
      id: r.id,
      customer_id: r.customerId,
      group_id: r.groupId,
      build_id: r.buildId,
      catalog_id: r.catalogId,
      catalog_version: r.catalogVersion,
      selections: JSON.stringify(r.selections),
      discount_bp: r.discountBp,
      list_total_cents: r.listTotalCents,
      total_cents: r.totalCents,
      currency: r.currency,
      note: r.note,
      requested_by_user_id: r.requestedByUserId,
      created_at: r.createdAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['customer_id', 'build_id', 'discount_bp', 'requested_by_user_id'])
        .where(sql<boolean>`status = 'pending'`)
        .doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (row) return { request: fromRow(row), created: true };
  const pending = await db
    .selectFrom('approval_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('customer_id', '=', r.customerId)
    .where('build_id', '=', r.buildId)
    .where('discount_bp', '=', r.discountBp)
    .where('requested_by_user_id', '=', r.requestedByUserId)
    .executeTakeFirstOrThrow();
  return { request: fromRow(pending), created: false };
}

export async function findApprovalRequest(
  db: Kysely<Database>,
  id: string,
): Promise<ApprovalRequestRecord | undefined> {
  const row = await db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

/**
 * The managers' queue: pending requests oldest first (first asked, first answered), or decided ones, the latest
 * decision first, at most `limit`.
 */
export async function listApprovalRequestsByStatus(
  db: Kysely<Database>,
  status: 'pending' | 'decided',
  limit: number,
): Promise<ApprovalRequestRecord[]> {
  const rows =
    status === 'pending'
      ? await db
          .selectFrom('approval_requests')
          .selectAll()
          .where('status', '=', 'pending')
          .orderBy('created_at')
          .orderBy('id')
          .limit(limit)
          .execute()
      : await db
          .selectFrom('approval_requests')
          .selectAll()
          .where('status', '<>', 'pending')
          .orderBy('decided_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
  return rows.map(fromRow);
}

/** A customer's requests, newest first. */
export async function listApprovalRequestsOfCustomer(
  db: Kysely<Database>,
  customerId: string,
): Promise<ApprovalRequestRecord[]> {
  const rows = await db
    .selectFrom('approval_requests')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(fromRow);
}

/**
 * The latest approved request of a quote group asked before `before` (what a new request is compared with): one
 * asked on the group, or the one that approved a revision of it (the group's first revision is asked before the
 * group exists, so that request names no group).
 */
export async function findLastApprovedOfGroup(
  db: Kysely<Database>,
  groupId: string,
  before: { createdAt: string; id: string },
): Promise<ApprovalRequestRecord | undefined> {
  const row = await db
    .selectFrom('approval_requests')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('group_id', '=', groupId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('quotes')
            .select('approval_request_id')
            .where('group_id', '=', groupId)
            .where('approval_request_id', 'is not', null),
        ),
      ]),
    )
    .where('status', '=', 'approved')
    .where('id', '<>', before.id)
    .where('created_at', '<=', before.createdAt)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && fromRow(row);
}

export interface Decision {
  status: 'approved' | 'refused';
  decidedByUserId: string;
  decidedAt: string;
  reason: string | null;
}

/**
 * Decides a pending request: ONE conditional update on `status = 'pending'`, so of two managers deciding at once
 * exactly one changes the row (PostgreSQL re-checks the condition after the first commit; SQLite runs one writer).
 * @returns true when this call decided it; false when it was not pending (decided already, or no such request).
 */
export async function decideApprovalRequest(
  db: Kysely<Database>,
  id: string,
  decision: Decision,
): Promise<boolean> {
  const result = await db
    .updateTable('approval_requests')
    .set({
      status: decision.status,
      decided_by_user_id: decision.decidedByUserId,
      decided_at: decision.decidedAt,
      reason: decision.reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

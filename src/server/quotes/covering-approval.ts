import type { Kysely } from 'kysely';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import { approvalCovers, type QuoteTerms } from '../../core/quotes/terms.ts';
import type { ApprovalRequestRow } from '../store/approval-requests.table.ts';
import type { Database } from '../store/database.ts';
import type { QuoteRevisionRecord } from '../store/quote-revisions.repository.ts';

/** A store manager's approval that lets a revision carry a discount above its maker's own authority. */
export interface CoveringApproval {
  requestId: string;
  /** The approved discount (the revision may carry less). */
  discountBp: number;
  approvedByUserId: string;
  approvedAt: string;
}

const termsOfRequest = (row: ApprovalRequestRow): QuoteTerms => ({
  catalogId: row.catalog_id,
  catalogVersion: row.catalog_version,
  selections: JSON.parse(row.selections) as BuildSelections,
  discountBp: row.discount_bp,
});

function fromRequest(row: ApprovalRequestRow): CoveringApproval | null {
  if (row.status !== 'approved' || !row.decided_by_user_id || !row.decided_at) return null;
  return {
    requestId: row.id,
    discountBp: row.discount_bp,
    approvedByUserId: row.decided_by_user_id,
    approvedAt: row.decided_at,
  };
}

/**
 * The approved request `requestId` of this customer, if it covers `terms` exactly (same catalog version and build,
 * at most the approved discount). A pending or refused request, another customer's, or one for other terms is null.
 */
export async function approvedRequestCovering(
  db: Kysely<Database>,
  customerId: string,
  requestId: string,
  terms: QuoteTerms,
): Promise<CoveringApproval | null> {
  const row = await db
    .selectFrom('approval_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row && approvalCovers(termsOfRequest(row), terms) ? fromRequest(row) : null;
}

/** The newest approved request of this customer that covers `terms`, for the console to quote it by. */
export async function newestApprovedRequestCovering(
  db: Kysely<Database>,
  customerId: string,
  terms: QuoteTerms,
): Promise<CoveringApproval | null> {
  const rows = await db
    .selectFrom('approval_requests')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'approved')
    .where('catalog_id', '=', terms.catalogId)
    .where('catalog_version', '=', terms.catalogVersion)
    .where('discount_bp', '>=', terms.discountBp)
    .orderBy('decided_at', 'desc')
    .execute();
  const found = rows.find((row) => approvalCovers(termsOfRequest(row), terms));
  return found ? fromRequest(found) : null;
}

/**
 * The approval of the group's latest approved revision, if its terms cover `terms`: a revision whose approved terms
 * did not change (same build and version, no larger discount) needs no second approval and keeps that approver.
 * @pre `revisions` is one group, oldest first.
 */
export function groupApprovalCovering(
  revisions: readonly QuoteRevisionRecord[],
  terms: QuoteTerms,
): CoveringApproval | null {
  const approved = revisions.findLast((r) => r.approvedByUserId !== null && r.approvalRequestId !== null);
  if (!approved?.approvedByUserId || !approved.approvalRequestId || !approved.approvedAt) return null;
  return approvalCovers(approved, terms)
    ? {
        requestId: approved.approvalRequestId,
        discountBp: approved.discountBp,
        approvedByUserId: approved.approvedByUserId,
        approvedAt: approved.approvedAt,
      }
    : null;
}

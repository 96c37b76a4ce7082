import type { Generated, Insertable, Selectable } from 'kysely';

export type ApprovalStatus = 'pending' | 'approved' | 'refused';

/** A discount above a salesperson's own authority, asked of the store managers (migration 1531). */
export interface ApprovalRequestsTable {
  id: string;
  customer_id: string;
  /** The quote group this request would revise; null for a new group. */
  group_id: string | null;
  build_id: string;
  catalog_id: string;
  catalog_version: string;
  /** JSON of BuildSelections, as the build stood when the approval was asked. */
  selections: string;
  /** Hundredths of a percent. */
  discount_bp: number;
  list_total_cents: number;
  total_cents: number;
  currency: string;
  /** The salesperson's words to the manager (internal). */
  note: string | null;
  requested_by_user_id: string;
  status: Generated<ApprovalStatus>;
  decided_by_user_id: string | null;
  decided_at: string | null;
  /** The manager's reason (required when refusing). */
  reason: string | null;
  created_at: string;
}
export type ApprovalRequestRow = Selectable<ApprovalRequestsTable>;
export type NewApprovalRequest = Insertable<ApprovalRequestsTable>;

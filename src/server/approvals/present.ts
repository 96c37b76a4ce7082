import type { Kysely } from 'kysely';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import type { TiersConfig } from '../../core/profile/tiers.schema.ts';
import { diffRevisions, type DiffableRevision } from '../../core/quotes/diff.ts';
import { bpToPercent } from '../../core/quotes/terms.ts';
import { standingOf } from '../customers/value.ts';
import {
  findLastApprovedOfGroup,
  type ApprovalRequestRecord,
} from '../store/approval-requests.repository.ts';
import { findCustomerById } from '../store/customers.repository.ts';
import type { Database } from '../store/database.ts';

type CustomerOfRequest = ApprovalRequest['customer'];
type StaffRef = ApprovalRequest['requestedBy'];

/** Staff by user id, in one query; staff read each other by full name and role. */
async function staffByIds(db: Kysely<Database>, ids: string[]): Promise<Map<string, StaffRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, role: r.role }]));
}

/** The customer as the manager weighs the request: name, tier and lifetime value now. */
async function customersByIds(
  db: Kysely<Database>,
  tiers: TiersConfig,
  now: Date,
  ids: string[],
): Promise<Map<string, CustomerOfRequest>> {
  const entries = await Promise.all(
    [...new Set(ids)].map(async (id): Promise<[string, CustomerOfRequest] | undefined> => {
      const customer = await findCustomerById(db, id);
      if (!customer) return undefined;
      const { value, tier } = await standingOf(db, customer, tiers, now);
      return [
        id,
        {
          id,
          name: customer.name,
          tier: tier.treatment.label,
          lifetimeRevenueCents: value.lifetimeRevenueCents,
          lifetimeMarginCents: value.lifetimeMarginCents,
        },
      ];
    }),
  );
  return new Map(entries.filter((e) => e !== undefined));
}

/** A request read as a revision, for the options part of the quotes' revision diff. */
const asRevision = (r: ApprovalRequestRecord): DiffableRevision => ({
  revision: 0,
  catalogVersion: r.catalogVersion,
  selections: r.selections,
  discountPercent: bpToPercent(r.discountBp),
  totalCents: r.totalCents,
  validUntil: '',
});

/** What changed since the last approved request of the same quote group: discount and options. */
async function sincePrevious(
  db: Kysely<Database>,
  r: ApprovalRequestRecord,
): Promise<ApprovalRequest['sincePrevious']> {
  if (!r.groupId) return null;
  const previous = await findLastApprovedOfGroup(db, r.groupId, r);
  if (!previous) return null;
  return {
    requestId: previous.id,
    discountPercent: { before: bpToPercent(previous.discountBp), after: bpToPercent(r.discountBp) },
    options: diffRevisions(asRevision(previous), asRevision(r)).options,
  };
}

/**
 * Approval requests as the console shows them: names instead of user ids, the customer's value, and what changed
 * since an earlier approval. The customer and staff are looked up once per list, not once per request.
 * @pre every request's customer and staff exist (foreign keys).
 */
export async function presentApprovalRequests(
  db: Kysely<Database>,
  tiers: TiersConfig,
  now: Date,
  records: readonly ApprovalRequestRecord[],
): Promise<ApprovalRequest[]> {
  const [staff, customers, previous] = await Promise.all([
    staffByIds(
      db,
      records.flatMap((r) => [r.requestedByUserId, ...(r.decidedByUserId ? [r.decidedByUserId] : [])]),
    ),
    customersByIds(
      db,
      tiers,
      now,
      records.map((r) => r.customerId),
    ),
    Promise.all(records.map((r) => sincePrevious(db, r))),
  ]);
  const staffRef = (id: string): StaffRef => staff.get(id) ?? { name: '', role: '' };
  return records.map((r, i) => {
    const customer = customers.get(r.customerId);
    if (!customer) throw new Error(`approval request ${r.id} names no customer`);
    return {
      id: r.id,
      status: r.status,
      customer,
      groupId: r.groupId,
      buildId: r.buildId,
      catalogId: r.catalogId,
      catalogVersion: r.catalogVersion,
      selections: r.selections,
      currency: r.currency,
      discountPercent: bpToPercent(r.discountBp),
      listTotalCents: r.listTotalCents,
      totalCents: r.totalCents,
      note: r.note,
      requestedBy: staffRef(r.requestedByUserId),
      createdAt: r.createdAt,
      decidedBy: r.decidedByUserId ? staffRef(r.decidedByUserId) : null,
      decidedAt: r.decidedAt,
      reason: r.reason,
      sincePrevious: previous[i] ?? null,
    };
  });
}

export async function presentApprovalRequest(
  db: Kysely<Database>,
  tiers: TiersConfig,
  now: Date,
  record: ApprovalRequestRecord,
): Promise<ApprovalRequest> {
  const [presented] = await presentApprovalRequests(db, tiers, now, [record]);
  if (!presented) throw new Error('presenting one request gave none');
  return presented;
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  createQuoteBodySchema,
  QuotePreview,
  quotePreviewBodySchema,
} from '../../contract/store-quotes.schema.ts';
import { bpToPercent } from '../../core/quotes/terms.ts';
import { HttpError, notFound } from '../errors.ts';
import type { RouteDeps } from '../routes/route-deps.ts';
import type { Database } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import { appendInteraction } from '../store/interactions.repository.ts';
import {
  findQuoteRevision,
  insertQuoteRevision,
  listQuoteGroup,
  type QuoteRevisionRecord,
} from '../store/quote-revisions.repository.ts';
import { isUniqueViolation } from '../store/unique-violation.ts';
import {
  approvedRequestCovering,
  groupApprovalCovering,
  newestApprovedRequestCovering,
  type CoveringApproval,
} from './covering-approval.ts';
import { staffRefs } from './present-quotes.ts';
import { priceChanged } from './price-changed.ts';
import { priceTerms, type PricedTerms } from './quote-terms.ts';

/** How long a quote holds its price. */
export const QUOTE_VALID_DAYS = 30;
const validUntilFrom = (now: Date) => new Date(now.getTime() + QUOTE_VALID_DAYS * 86_400_000).toISOString();

/**
 * The customer's quote group that `quoteId` names: a group id or the id of any of its revisions.
 * @returns its revisions, oldest first. @throws 404 quote_not_found, also for another customer's quote.
 */
export async function groupOfCustomer(
  db: Kysely<Database>,
  customerId: string,
  quoteId: string,
): Promise<QuoteRevisionRecord[]> {
  const revision = await findQuoteRevision(db, quoteId);
  const group = await listQuoteGroup(db, revision?.groupId ?? quoteId);
  if (group[0]?.customerId !== customerId)
    throw notFound('quote_not_found', `No quote "${quoteId}" of this customer.`);
  return group;
}

type Caller = { userId: string; role: string };

const pricedFor = (
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'versions' | 'tiers' | 'catalogs'>,
  customerId: string,
  body: { buildId: string; discountPercent: number },
  caller: Caller,
  now: Date,
) =>
  priceTerms(db, deps, {
    customerId,
    buildId: body.buildId,
    discountPercent: body.discountPercent,
    callerRole: caller.role,
    now,
  });

/** What a quote would be with this discount, and the approval that already covers it, if any; stores nothing. */
export async function previewQuote(
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'versions' | 'tiers' | 'catalogs'>,
  customerId: string,
  body: z.output<typeof quotePreviewBodySchema>,
  caller: Caller,
  now: Date,
): Promise<QuotePreview> {
  const priced = await pricedFor(db, deps, customerId, body, caller, now);
  const group = body.groupId ? await groupOfCustomer(db, customerId, body.groupId) : [];
  const approval =
    (await newestApprovedRequestCovering(db, customerId, priced.terms)) ??
    groupApprovalCovering(group, priced.terms);
  const decidedBy =
    approval && (await staffRefs(db, [approval.approvedByUserId])).get(approval.approvedByUserId);
  const { terms, price } = priced;
  return {
    buildId: priced.buildId,
    catalogId: terms.catalogId,
    catalogVersion: terms.catalogVersion,
    selections: terms.selections,
    currency: price.currency,
    lines: price.lines,
    listTotalCents: price.listTotalCents,
    discountPercent: bpToPercent(terms.discountBp),
    discountCents: price.discountCents,
    totalCents: price.totalCents,
    band: priced.band,
    authority: { role: caller.role, ...priced.authority },
    approval:
      approval && decidedBy
        ? { requestId: approval.requestId, discountPercent: bpToPercent(approval.discountBp), decidedBy }
        : null,
    validUntil: validUntilFrom(now),
  };
}

/**
 * The approval a discount needs from this caller: none within their own authority; above it, the approved request
 * named in the body or the group's latest approval, covering exactly these terms.
 * @throws 403 discount_refused above the limit, 403 approval_required when no approval covers the terms.
 */
async function approvalFor(
  db: Kysely<Database>,
  priced: PricedTerms,
  group: readonly QuoteRevisionRecord[],
  approvalRequestId: string | undefined,
): Promise<CoveringApproval | null> {
  const details = { band: priced.band, ...priced.authority };
  const percent = bpToPercent(priced.terms.discountBp);
  if (priced.band === 'refused')
    throw new HttpError(
      403,
      'discount_refused',
      `A discount of ${percent}% is above the ${priced.authority.limitPercent}% anyone may grant this customer.`,
      undefined,
      details,
    );
  if (priced.band === 'within') return null;
  const approval =
    (approvalRequestId
      ? await approvedRequestCovering(db, priced.customer.id, approvalRequestId, priced.terms)
      : null) ?? groupApprovalCovering(group, priced.terms);
  if (!approval)
    throw new HttpError(
      403,
      'approval_required',
      `A discount of ${percent}% is above your own ${priced.authority.ownPercent}% for this customer: ` +
        'a store manager must approve these exact terms first. Nothing was stored.',
      undefined,
      details,
    );
  return approval;
}

/**
 * Stores a quote revision made by staff in the store: a new group (revision 1), or the next revision of the
 * customer's group `groupId`, older revisions untouched; with its `quote.created` / `quote.revised` interaction in
 * one transaction. Every limit is the server's: nothing is stored when one refuses.
 * @returns the group's revisions, oldest first, the new one last.
 * @throws 404 (customer, build, group), 403 discount_refused / approval_required, 409 price_changed /
 * quote_conflict (another revision took this number first), 422 when the build is not buildable.
 */
export async function createRevision(
  db: Kysely<Database>,
  deps: Pick<RouteDeps, 'versions' | 'tiers' | 'catalogs'>,
  customerId: string,
  body: z.output<typeof createQuoteBodySchema>,
  caller: Caller,
  now: Date,
): Promise<QuoteRevisionRecord[]> {
  const priced = await pricedFor(db, deps, customerId, body, caller, now);
  const group = body.groupId ? await groupOfCustomer(db, customerId, body.groupId) : [];
  const approval = await approvalFor(db, priced, group, body.approvalRequestId);
  const { terms, price } = priced;
  if (body.expectedTotalCents !== undefined && body.expectedTotalCents !== price.totalCents)
    throw priceChanged(body.expectedTotalCents, price.totalCents, price.currency);
  const id = newId();
  const at = now.toISOString();
  const record: QuoteRevisionRecord = {
    id,
    groupId: group[0]?.groupId ?? id,
    revision: Math.max(0, ...group.map((r) => r.revision)) + 1,
    customerId,
    buildId: priced.buildId,
    ...terms,
    lines: price.lines,
    currency: price.currency,
    listTotalCents: price.listTotalCents,
    totalCents: price.totalCents,
    createdAt: at,
    validUntil: validUntilFrom(now),
    channel: 'store',
    createdByUserId: caller.userId,
    approvalRequestId: approval?.requestId ?? null,
    approvedByUserId: approval?.approvedByUserId ?? null,
    approvedAt: approval?.approvedAt ?? null,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await insertQuoteRevision(trx, record);
      await appendInteraction(trx, {
        customer_id: customerId,
        channel: 'store',
        actor_user_id: caller.userId,
        kind: record.revision > 1 ? 'quote.revised' : 'quote.created',
        catalog_id: record.catalogId,
        catalog_version: record.catalogVersion,
        payload: {
          quoteId: record.id,
          groupId: record.groupId,
          revision: record.revision,
          totalCents: record.totalCents,
          discountPercent: bpToPercent(record.discountBp),
        },
        created_at: at,
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new HttpError(
      409,
      'quote_conflict',
      `Someone else made revision ${record.revision} of this quote at the same moment; reload it and revise again.`,
    );
  }
  return [...group, record];
}

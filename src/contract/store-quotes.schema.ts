import { z } from 'zod';
import { buildSelectionsSchema } from './builds.schema.ts';
import { priceLineSchema } from './orders.schema.ts';
import { authoritySchema } from './store-customer.schema.ts';

/**
 * Quotes with revisions, staff discounts within authority and store managers' approvals (issue 17 §7, §8).
 * Discounts travel as percents with at most two decimals (stored as hundredths of a percent, so exact).
 */

const id = z.string().min(1).max(80);
export const discountPercentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'at most two decimals');

export const discountBandSchema = z.enum(['within', 'needs-approval', 'refused']);
export type DiscountBandName = z.infer<typeof discountBandSchema>;

/** A staff member as the console and the quote show them: first name and role, never a user id to customers. */
export const staffRefSchema = z.object({ name: z.string(), role: z.string() });

/** What a quote for one of the customer's saved builds would be, with this discount; nothing is stored. */
export const quotePreviewBodySchema = z.strictObject({
  buildId: id,
  discountPercent: discountPercentSchema,
  /** The quote group a revision would join (its approved terms count, see `approval`). */
  groupId: id.optional(),
});
export type QuotePreviewBody = z.input<typeof quotePreviewBodySchema>;

/** The approval, if any, that already covers these terms (same build, version, discount at most the approved one). */
export const coveringApprovalSchema = z.object({
  requestId: z.string(),
  discountPercent: z.number(),
  decidedBy: staffRefSchema,
});

export const quotePreviewResponseSchema = z.object({
  buildId: z.string(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  selections: buildSelectionsSchema,
  currency: z.string(),
  /** The customer's price lines before the staff discount (tier offers included), then the discount's own line. */
  lines: z.array(priceLineSchema),
  listTotalCents: z.number().int(),
  discountPercent: z.number(),
  discountCents: z.number().int(),
  totalCents: z.number().int(),
  band: discountBandSchema,
  authority: authoritySchema,
  approval: coveringApprovalSchema.nullable(),
  validUntil: z.string(),
});
export type QuotePreview = z.infer<typeof quotePreviewResponseSchema>;

/**
 * Make a quote revision: a new group, or `groupId` for the next revision of an existing one (older revisions stay
 * valid). Above the caller's own authority it needs an approved request covering exactly these terms, else 403
 * approval_required and nothing is stored. `expectedTotalCents`: the total the console showed (409 if it moved).
 */
export const createQuoteBodySchema = z.strictObject({
  buildId: id,
  discountPercent: discountPercentSchema,
  groupId: id.optional(),
  approvalRequestId: id.optional(),
  expectedTotalCents: z.number().int().optional(),
});
export type CreateQuoteBody = z.input<typeof createQuoteBodySchema>;

export const quoteRevisionSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  revision: z.number().int().min(1),
  customerId: z.string(),
  buildId: z.string().nullable(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  selections: buildSelectionsSchema,
  currency: z.string(),
  lines: z.array(priceLineSchema),
  listTotalCents: z.number().int(),
  discountPercent: z.number(),
  totalCents: z.number().int(),
  createdAt: z.string(),
  validUntil: z.string(),
  /** Still within its validity at the server's clock. */
  valid: z.boolean(),
  channel: z.string(),
  createdBy: staffRefSchema.nullable(),
  approvedBy: staffRefSchema.nullable(),
  approvedAt: z.string().nullable(),
  /** The order placed from this revision, if any. */
  orderId: z.string().nullable(),
});
export type QuoteRevision = z.infer<typeof quoteRevisionSchema>;

/** How one revision differs from the previous one of its group. */
export const revisionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  options: z.array(
    z.object({
      slot: z.string(),
      before: z.array(z.string()),
      after: z.array(z.string()),
    }),
  ),
  catalogVersion: z.object({ before: z.string(), after: z.string() }).nullable(),
  discountPercent: z.object({ before: z.number(), after: z.number() }).nullable(),
  totalCents: z.object({ before: z.number().int(), after: z.number().int() }).nullable(),
  validUntil: z.object({ before: z.string(), after: z.string() }).nullable(),
});
export type RevisionDiff = z.infer<typeof revisionDiffSchema>;

/** A quote group: its revisions side by side (oldest first) and what changed from each to the next. */
export const quoteGroupSchema = z.object({
  groupId: z.string(),
  customerId: z.string(),
  revisions: z.array(quoteRevisionSchema),
  diffs: z.array(revisionDiffSchema),
});
export type QuoteGroup = z.infer<typeof quoteGroupSchema>;
export const quoteGroupListSchema = z.array(quoteGroupSchema);

/** Ask the store managers for a discount above the caller's own authority, on these exact terms. */
export const approvalRequestBodySchema = z.strictObject({
  buildId: id,
  discountPercent: discountPercentSchema,
  groupId: id.optional(),
  note: z.string().trim().max(500).optional(),
});
export type ApprovalRequestBody = z.input<typeof approvalRequestBodySchema>;

export const approvalStatusSchema = z.enum(['pending', 'approved', 'refused']);

export const approvalRequestSchema = z.object({
  id: z.string(),
  status: approvalStatusSchema,
  customer: z.object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    lifetimeRevenueCents: z.number(),
    lifetimeMarginCents: z.number(),
  }),
  groupId: z.string().nullable(),
  buildId: z.string(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  selections: buildSelectionsSchema,
  currency: z.string(),
  discountPercent: z.number(),
  listTotalCents: z.number().int(),
  totalCents: z.number().int(),
  note: z.string().nullable(),
  requestedBy: staffRefSchema,
  createdAt: z.string(),
  decidedBy: staffRefSchema.nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** What changed since the last approved request of the same quote group (null: none before). */
  sincePrevious: z
    .object({
      requestId: z.string(),
      discountPercent: z.object({ before: z.number(), after: z.number() }),
      options: revisionDiffSchema.shape.options,
    })
    .nullable(),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;
export const approvalQueueSchema = z.array(approvalRequestSchema);

/** A store manager's decision; a refusal says why. */
export const approvalDecisionBodySchema = z
  .strictObject({
    decision: z.enum(['approve', 'refuse']),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason ?? '').length > 0, {
    message: 'a refusal needs a reason',
    path: ['reason'],
  });
export type ApprovalDecisionBody = z.input<typeof approvalDecisionBodySchema>;

/** What `/api/store/events` streams (Server-Sent Events, `data:` lines of this JSON). */
export const storeEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approval.requested'), request: approvalRequestSchema }),
  z.object({ kind: z.literal('approval.decided'), request: approvalRequestSchema }),
]);
export type StoreEvent = z.infer<typeof storeEventSchema>;

/** Accept a quote revision (the customer online, or staff in the store): an order at the quoted price. */
export const acceptQuoteBodySchema = z.strictObject({
  /** The total the accepting side saw; after the validity the build is re-priced, and a moved price is a 409. */
  expectedTotalCents: z.number().int().optional(),
});
export type AcceptQuoteBody = z.input<typeof acceptQuoteBodySchema>;

import { z } from 'zod';

/** What the console's customer page adds to the relationship: purchases over time, quotes, live sessions, authority. */

export const purchaseQuarterSchema = z.object({
  quarter: z.string(),
  start: z.string(),
  revenueCents: z.number(),
  orders: z.number().int(),
});

/** A quote group at its latest revision (the quote page shows the revisions side by side). */
export const quoteSummarySchema = z.object({
  /** The latest revision's id. */
  id: z.string(),
  /** The group's number as people read it (`Q-3F2A9C1B`), the same on the PDF and the quote page. */
  number: z.string(),
  revision: z.number().int(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  currency: z.string(),
  totalCents: z.number(),
  createdAt: z.string(),
  validUntil: z.string(),
  /** Still within its validity at the server's clock. */
  valid: z.boolean(),
});

/** The customer's live web session of one catalog: what they were configuring and when they last changed it. */
export const liveSessionSchema = z.object({
  catalogId: z.string(),
  catalogName: z.string(),
  catalogVersion: z.string(),
  /** Options chosen (a quantity counts once), and their names as the catalog has them. */
  choices: z.number().int(),
  options: z.array(z.string()),
  /** Steps the customer can undo. */
  undoSteps: z.number().int(),
  updatedAt: z.string(),
});

/** What the signed-in staff member may discount for this customer, in % (core/profile/authority.ts). */
export const authoritySchema = z.object({
  role: z.string(),
  ownPercent: z.number(),
  limitPercent: z.number(),
});

export const glanceExtensionShape = {
  currency: z.string(),
  purchases: z.array(purchaseQuarterSchema),
  quotes: z.array(quoteSummarySchema),
  sessions: z.array(liveSessionSchema),
  authority: authoritySchema,
};
export type LiveSession = z.infer<typeof liveSessionSchema>;
export type QuoteSummary = z.infer<typeof quoteSummarySchema>;
export type PurchaseQuarter = z.infer<typeof purchaseQuarterSchema>;

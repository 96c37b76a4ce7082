import { z } from 'zod';
import { orderStatusSchema } from './order-status.schema.ts';
import { customerSummarySchema } from './auth.schema.ts';
import { preferencesResponseSchema } from './preferences.schema.ts';
import { savedBuildSchema } from './saved-builds.schema.ts';
import { timelineItemSchema } from './interactions.schema.ts';
import { glanceExtensionShape } from './store-customer.schema.ts';

export const customerValueSchema = z.object({
  lifetimeRevenueCents: z.number(),
  lifetimeMarginCents: z.number(),
  serviceCostCents: z.number(),
  netMarginCents: z.number(),
  shareOfWallet: z.number(),
  revenueInWindowCents: z.number(),
  estimatedAnnualSpendCents: z.number(),
  purchasesPerYear: z.number(),
  activeProbability: z.number(),
  expectedPurchases: z.number(),
  expectedUpcomingRevenueCents: z.number(),
  lastOrderAt: z.string().nullable(),
});

export const tierSchema = z.object({
  class: z.enum(['mvc', 'mgc', 'normal', 'bzc']),
  label: z.string(),
  quadrant: z.enum(['high-large', 'high-small', 'low-large', 'low-small']),
  share: z.enum(['high', 'low']),
  upcoming: z.enum(['large', 'small']),
  strategy: z.string(),
  discountAuthorityPercent: z.number(),
  offers: z.array(z.object({ id: z.string(), label: z.string(), percent: z.number() })),
  reasons: z.array(z.string()),
});

const orderSummarySchema = z.object({
  id: z.string(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  channel: z.string(),
  totalCents: z.number(),
  createdAt: z.string(),
  status: orderStatusSchema,
  /** The statuses staff may move it to next. */
  next: z.array(orderStatusSchema),
});

/** Everything staff need about one customer, on one page. */
export const relationshipResponseSchema = z.object({
  customer: customerSummarySchema,
  hasLogin: z.boolean(),
  value: customerValueSchema,
  tier: tierSchema,
  preferences: preferencesResponseSchema,
  builds: z.array(savedBuildSchema),
  orders: z.array(orderSummarySchema),
  recentInteractions: z.array(timelineItemSchema),
  ...glanceExtensionShape,
});
export type RelationshipResponse = z.infer<typeof relationshipResponseSchema>;

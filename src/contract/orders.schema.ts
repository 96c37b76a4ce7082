import { z } from 'zod';
import { buildSelectionsSchema } from './builds.schema.ts';
import { catalogIdSchema } from './catalogs.schema.ts';
import { orderStatusSchema } from './order-status.schema.ts';

const version = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.0');

/**
 * A quote or order request: a saved build's id, or selections against a catalog version (the current one when
 * omitted). `expectedTotalCents` is the price the customer saw; a different server price is a 409, never a surprise.
 */
export const checkoutBodySchema = z
  .strictObject({
    buildId: z.string().min(1).max(80).optional(),
    catalogId: catalogIdSchema.optional(),
    catalogVersion: version.optional(),
    selections: buildSelectionsSchema.optional(),
    expectedTotalCents: z.number().int().optional(),
  })
  .refine((b) => (b.buildId === undefined) !== (b.selections === undefined), {
    message: 'give either buildId or selections (with catalogId)',
  })
  .refine((b) => b.selections === undefined || b.catalogId !== undefined, {
    message: 'selections need a catalogId',
    path: ['catalogId'],
  });
export type CheckoutBody = z.input<typeof checkoutBodySchema>;

export const priceLineSchema = z.object({
  kind: z.enum(['base', 'option', 'included', 'rule', 'discount']),
  ref: z.string(),
  label: z.string(),
  quantity: z.number().int(),
  amountCents: z.number().int(),
});

export const checkoutResponseSchema = z.object({
  id: z.string(),
  buildId: z.string().nullable(),
  catalogId: z.string(),
  catalogVersion: z.string(),
  selections: buildSelectionsSchema,
  currency: z.string(),
  lines: z.array(priceLineSchema),
  totalCents: z.number().int(),
  createdAt: z.string(),
  /** Quotes only. */
  validUntil: z.string().optional(),
  /** Orders placed from a quote revision: that revision's id. */
  quoteId: z.string().optional(),
  /** Orders only: placed, paid, delivered or cancelled. */
  status: orderStatusSchema.optional(),
});
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;
export const checkoutListSchema = z.array(checkoutResponseSchema);

/** What a build costs this shopper (their discounts included), before anything is asked for; nothing is stored. */
export const priceBodySchema = z.strictObject({
  catalogId: catalogIdSchema,
  catalogVersion: version.optional(),
  selections: buildSelectionsSchema,
});
export type PriceBody = z.input<typeof priceBodySchema>;

export const priceResponseSchema = z.object({
  catalogId: z.string(),
  catalogVersion: z.string(),
  currency: z.string(),
  lines: z.array(priceLineSchema),
  totalCents: z.number().int(),
});
export type PriceResponse = z.infer<typeof priceResponseSchema>;

import { z } from 'zod';
import { buildSchema } from '../core/catalog/index.ts';
import { buildParamSchema } from './build-param.schema.ts';
import { catalogIdSchema } from './catalogs.schema.ts';

export const nextOffersParamsSchema = z.object({
  customerId: z.string().min(1).max(80),
  catalogId: catalogIdSchema,
});

/** The open build, as in the configurator's URL (`b=cpu:cpu-a,memory:mem-kit*2`); absent: nothing chosen yet. */
export const nextOffersQuerySchema = z.object({ b: buildParamSchema.optional() });

export const nextOfferSchema = z.object({
  /** The one slot that changes and its options before and after (empty: nothing chosen). */
  slotId: z.string(),
  from: z.array(z.string()),
  to: z.array(z.string()),
  /** The build after the change; buildable (the engine's valid values), for the console to apply as it is. */
  build: buildSchema,
  priceDeltaCents: z.number().int(),
  /** The customer's preference for the change (their weights: what is added minus what is dropped). */
  preference: z.number(),
  /** Share (0–1) of similar buyers' builds with what it adds. */
  similarShare: z.number().min(0).max(1),
  /** The discount (% of the new total) that would keep today's total, and where it falls in the staff member's authority. */
  discountPercent: z.number().min(0),
  band: z.enum(['within', 'needs-approval', 'refused']),
});
export type NextOffer = z.infer<typeof nextOfferSchema>;

export const nextOffersResponseSchema = z.object({
  catalogId: z.string(),
  catalogVersion: z.string(),
  currency: z.string(),
  totalCents: z.number().int(),
  offers: z.array(nextOfferSchema),
});
export type NextOffersResponse = z.infer<typeof nextOffersResponseSchema>;

import { z } from 'zod';
import { catalogIdSchema } from './catalogs.schema.ts';

const ref = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);

export const recommendationEventSchema = z.strictObject({
  event: z.enum(['shown', 'taken']),
  catalogId: catalogIdSchema,
  catalogVersion: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
  slotId: ref,
  optionId: ref,
  source: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*$/),
});
export const postRecommendationEventsBodySchema = z.strictObject({
  events: z.array(recommendationEventSchema).min(1).max(100),
});

export const acceptanceQuerySchema = z.strictObject({
  catalogId: catalogIdSchema.optional(),
  source: z.string().max(40).optional(),
});
const rateSchema = z.object({
  shown: z.number().int(),
  taken: z.number().int(),
  rate: z.number().nullable(),
});
export const acceptanceResponseSchema = rateSchema.extend({
  bySource: z.array(rateSchema.extend({ source: z.string() })),
});
export type AcceptanceResponse = z.infer<typeof acceptanceResponseSchema>;

import { z } from 'zod';
import type { PreferenceProfile } from './preferences.ts';

const iso = z.string().min(1);

/** The stored profile's shape; parsing on read turns a corrupt or older row into a clear error, not a NaN. */
export const preferenceProfileSchema: z.ZodType<PreferenceProfile> = z.object({
  format: z.literal(1),
  personalization: z.boolean(),
  affinities: z.record(
    z.string(),
    z.object({
      catalogId: z.string(),
      kind: z.enum(['attr', 'slot']),
      ref: z.string(),
      label: z.string(),
      values: z.record(
        z.string(),
        z.object({ weight: z.number().min(0), count: z.number().int().min(0), label: z.string() }),
      ),
      at: iso,
    }),
  ),
  priceBands: z.record(
    z.string(),
    z.object({
      catalogId: z.string(),
      slotId: z.string(),
      label: z.string(),
      weight: z.number().min(0),
      weightedPosition: z.number().min(0),
      count: z.number().int().min(0),
      at: iso,
    }),
  ),
  overrides: z.record(z.string(), z.number().min(0).max(1)),
});

import { z } from 'zod';
import { buildSelectionsSchema } from './builds.schema.ts';

/**
 * What the recommender learns from (issue 11): the distinct configurations sold (paid or delivered) in one catalog,
 * with how many times each was ordered. No customer, date or price: only what buyers chose together, and only
 * configurations at least `minBuyers` distinct customers bought (issue 19 §5); the rarer ones are counted in
 * `withheld`. Builds that no longer fit the current catalog version (an option withdrawn, a rule added) are left out
 * and counted in `outdated`.
 */
export const salesResponseSchema = z.object({
  catalogId: z.string(),
  catalogVersion: z.string(),
  /** Sales of this catalog, any version. */
  orders: z.number().int().min(0),
  /** Of those, the ones that are not a complete valid build of the current version. */
  outdated: z.number().int().min(0),
  /** Of those, the ones whose configuration fewer than `minBuyers` customers bought: not shown. */
  withheld: z.number().int().min(0),
  minBuyers: z.number().int().min(1),
  builds: z.array(z.object({ selections: buildSelectionsSchema, count: z.number().int().min(1) })),
});
export type SalesResponse = z.infer<typeof salesResponseSchema>;

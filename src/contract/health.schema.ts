import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  /** The store answered a trivial query. */
  database: z.enum(['sqlite', 'postgres']),
  catalogs: z.number().int().min(0),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

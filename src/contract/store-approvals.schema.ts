import { z } from 'zod';

/** Route parameters and queries of the approval routes (their payloads are in store-quotes.schema.ts). */
const id = z.string().min(1).max(80);

export const customerIdParamsSchema = z.strictObject({ customerId: id });
export const approvalIdParamsSchema = z.strictObject({ requestId: id });

/** The managers' queue: what is waiting for them, or what was decided lately. */
export const approvalQueueQuerySchema = z.strictObject({
  status: z.enum(['pending', 'decided']).default('pending'),
});

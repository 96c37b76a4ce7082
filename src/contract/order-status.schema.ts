import { z } from 'zod';
import { ORDER_STATUSES } from '../core/orders/status.ts';

export const orderStatusSchema = z.enum(ORDER_STATUSES);

export const orderIdParamsSchema = z.object({ id: z.string().min(1).max(80) });

/** Move an order on; `note` says why (a payment reference, a carrier's tracking number, a cancellation reason). */
export const orderStatusBodySchema = z.strictObject({
  to: orderStatusSchema,
  note: z.string().trim().max(500).optional(),
});
export type OrderStatusBody = z.input<typeof orderStatusBodySchema>;

export const orderStatusChangeSchema = z.object({
  from: orderStatusSchema,
  to: orderStatusSchema,
  channel: z.enum(['web', 'store', 'phone', 'api']),
  /** A staff member's name, or the integration's name. */
  by: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const orderStatusResponseSchema = z.object({
  id: z.string(),
  status: orderStatusSchema,
  /** Where it may go next (empty once delivered or cancelled). */
  next: z.array(orderStatusSchema),
  history: z.array(orderStatusChangeSchema),
});
export type OrderStatusResponse = z.infer<typeof orderStatusResponseSchema>;

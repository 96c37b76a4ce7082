import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orderStatusResponseSchema, type OrderStatusBody } from '../../contract/order-status.schema.ts';
import { sendJson } from '../../ui/api-client.ts';
import { customerKeys } from './api.ts';

/**
 * Moves one of the customer's orders on (paid, delivered, cancelled); the relationship is read again after, since
 * value, tier and offers count paid orders only.
 */
export function useMoveOrder(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, ...body }: OrderStatusBody & { orderId: string }) =>
      sendJson('POST', `/api/orders/${encodeURIComponent(orderId)}/status`, body, orderStatusResponseSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.one(customerId) }),
  });
}

import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  orderIdParamsSchema,
  orderStatusBodySchema,
  orderStatusResponseSchema,
  type OrderStatusResponse,
} from '../../../contract/order-status.schema.ts';
import { nextStatuses, transition } from '../../../core/orders/status.ts';
import { HttpError, notFound, unauthorized } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import type { Database } from '../../store/database.ts';
import { findOrderStatus, listStatusChanges, moveOrderStatus } from '../../store/order-status.repository.ts';
import type { Kysely } from 'kysely';
import type { RouteDeps, ZodRoutes } from '../route-deps.ts';

const errors = errorReplies(400, 401, 403, 404, 409);

async function present(db: Kysely<Database>, orderId: string): Promise<OrderStatusResponse> {
  const order = await findOrderStatus(db, orderId);
  if (!order) throw notFound('order_not_found', `No order "${orderId}".`);
  const history = await listStatusChanges(db, orderId);
  return {
    id: order.id,
    status: order.status,
    next: [...nextStatuses(order.status)],
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      channel: h.channel,
      by: h.actor_integration ?? h.actor_name,
      note: h.note,
      at: h.created_at,
    })),
  };
}

/**
 * An order's lifecycle (issue 19 §4): staff move it on in the console (channel `store`), integrations through the
 * API with their bearer token (channel `api`). Any order, whoever's: staff serve every customer, and an integration
 * reports on the orders it handles.
 */
export const orderStatusRoutes: ZodRoutes = async (app, { db, now }: RouteDeps) => {
  app.get(
    '/orders/:id/status',
    {
      config: { access: access.staffOrIntegration },
      schema: { params: orderIdParamsSchema, response: { 200: orderStatusResponseSchema, ...errors } },
    },
    async (request) => present(db, request.params.id),
  );

  app.post(
    '/orders/:id/status',
    {
      config: { access: access.staffOrIntegration },
      schema: {
        params: orderIdParamsSchema,
        body: orderStatusBodySchema,
        response: { 200: orderStatusResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { to, note } = request.body;
      const order = await findOrderStatus(db, id);
      if (!order) throw notFound('order_not_found', `No order "${id}".`);
      const integration = request.integration;
      const userId = integration ? null : request.auth?.userId;
      if (!integration && !userId) throw unauthorized();
      const move = transition(order.status, to);
      const refuse = (from: typeof order.status, allowed: readonly string[]) =>
        new HttpError(
          409,
          'illegal_transition',
          `Order ${id} is ${from}; it cannot become ${to}` +
            (allowed.length > 0 ? ` (only ${allowed.join(' or ')}).` : ` (${from} is final).`),
          undefined,
          { from, to, allowed: allowed.join(',') },
        );
      if (!move.ok) throw refuse(move.from, move.allowed);
      const moved = await moveOrderStatus(db, {
        order_id: id,
        from_status: move.from,
        to_status: move.to,
        channel: integration ? 'api' : 'store',
        actor_user_id: userId ?? null,
        actor_integration: integration?.name ?? null,
        note: note ? note : null,
        created_at: now().toISOString(),
      });
      if (!moved) {
        // Someone else moved it meanwhile: refuse with what it is now.
        const current = (await findOrderStatus(db, id))?.status ?? order.status;
        throw refuse(current, nextStatuses(current));
      }
      return present(db, id);
    },
  );
};

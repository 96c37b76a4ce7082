import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  putSessionBodySchema,
  putSessionResponseSchema,
  sessionConflictResponseSchema,
  sessionResponseSchema,
} from '../../../contract/session.schema.ts';
import { storeCustomerCatalogParamsSchema } from '../../../contract/store-customer-builds.schema.ts';
import { access } from '../../plugins/access.ts';
import { findConfigSession } from '../../store/config-sessions.repository.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import { callerOf } from '../signed-in.ts';
import { customerOr404 } from '../../customers/customer-or-404.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { checkSession, saveOrConflict, sessionReply } from '../sessions/session-save.ts';

const errors = errorReplies(400, 401, 403, 404, 422);

/**
 * The customer's live web session, continued by staff in the store: the same payload and the same revision check as
 * the customer's own route (session-save.ts), so a save from the store and one from the customer's phone never
 * overwrite each other unseen. A staff save records the staff member, so the customer is told who changed it.
 */
export const storeSessionRoutes: ZodRoutes = async (app, { db, versions, now }) => {
  app.get(
    '/store/customers/:customerId/sessions/:catalogId',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerCatalogParamsSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { customerId, catalogId } = request.params;
      await customerOr404(db, customerId);
      const stored = await findConfigSession(db, { customerId }, catalogId);
      // Opening it is a step with the customer (their timeline says staff continued their build); none, none.
      if (stored)
        await appendInteraction(db, {
          customer_id: customerId,
          channel: 'store',
          actor_user_id: callerOf(request).userId,
          kind: 'store.session_opened',
          catalog_id: catalogId,
          catalog_version: stored.session.catalogVersion,
          payload: { revision: stored.revision },
          created_at: now().toISOString(),
        });
      return sessionReply(stored);
    },
  );

  app.put(
    '/store/customers/:customerId/sessions/:catalogId',
    {
      config: { access: access.staff },
      schema: {
        params: storeCustomerCatalogParamsSchema,
        body: putSessionBodySchema,
        response: { 200: putSessionResponseSchema, 409: sessionConflictResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { customerId, catalogId } = request.params;
      await customerOr404(db, customerId);
      await checkSession(versions, catalogId, request.body.session);
      const staff = callerOf(request).userId;
      return saveOrConflict(db, reply, { customerId }, request.body, now().toISOString(), staff);
    },
  );
};

import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  acceptanceQuerySchema,
  acceptanceResponseSchema,
  postRecommendationEventsBodySchema,
} from '../../../contract/recommendations.schema.ts';
import { postInteractionsResponseSchema } from '../../../contract/interactions.schema.ts';
import { configEventIssues } from '../../customers/events.ts';
import { unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { webActorOf } from '../../plugins/auth.ts';
import {
  acceptanceBySource,
  insertRecommendationEvents,
} from '../../store/recommendation-events.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const rate = (shown: number, taken: number) => (shown > 0 ? taken / shown : null);

/** Each recommendation shown and taken, so its acceptance rate can be measured. */
export const recommendationRoutes: ZodRoutes = async (app, { db, versions, cookies, now }) => {
  app.post(
    '/recommendations/events',
    {
      config: { access: access.guestOrCustomer },
      schema: {
        body: postRecommendationEventsBodySchema,
        response: {
          201: postInteractionsResponseSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { events } = request.body;
      const issues = [];
      for (const [i, e] of events.entries()) {
        const index = await versions.get(e.catalogId, e.catalogVersion);
        issues.push(...configEventIssues(index, { ...e, kind: 'config.unchose' }, `body.events[${i}]`));
      }
      if (issues.length > 0)
        throw unprocessable(
          'unknown_option',
          issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          issues,
        );
      const actor = webActorOf(request, reply, cookies);
      const at = now().toISOString();
      await insertRecommendationEvents(
        db,
        events.map((e) => ({
          customer_id: 'customerId' in actor ? actor.customerId : null,
          guest_id: 'guestId' in actor ? actor.guestId : null,
          event: e.event,
          catalog_id: e.catalogId,
          catalog_version: e.catalogVersion,
          slot_id: e.slotId,
          option_id: e.optionId,
          source: e.source,
          created_at: at,
        })),
      );
      return reply.code(201).send({ accepted: events.length });
    },
  );

  app.get(
    '/recommendations/acceptance',
    {
      config: { access: { who: 'roles', roles: ['sales', 'store_manager', 'catalog'] } },
      schema: {
        querystring: acceptanceQuerySchema,
        response: { 200: acceptanceResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const bySource = await acceptanceBySource(db, request.query);
      const shown = bySource.reduce((s, r) => s + r.shown, 0);
      const taken = bySource.reduce((s, r) => s + r.taken, 0);
      return {
        shown,
        taken,
        rate: rate(shown, taken),
        bySource: bySource.map((r) => ({ ...r, rate: rate(r.shown, r.taken) })),
      };
    },
  );
};

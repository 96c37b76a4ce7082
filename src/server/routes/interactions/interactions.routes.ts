import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  postInteractionsBodySchema,
  ownTimelineResponseSchema,
  postInteractionsResponseSchema,
  timelineQuerySchema,
} from '../../../contract/interactions.schema.ts';
import { configEventIssues, eventPayload } from '../../customers/events.ts';
import { ownTimelineItem, STAFF_ONLY_KIND_PREFIXES } from '../../customers/own-timeline.ts';
import { unprocessable } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { customerIdOf, webActorOf } from '../../plugins/auth.ts';
import { appendGuestInteractions } from '../../store/guest-interactions.repository.ts';
import { timelinePage } from '../../store/interactions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { webEventsRecorder } from './record-web-events.ts';

/** The customer's own web events (guests too, kept apart until they sign in) and their timeline. */
export const interactionRoutes: ZodRoutes = async (app, { db, dialect, versions, cookies, now }) => {
  const record = webEventsRecorder(db, dialect, versions);
  app.post(
    '/interactions',
    {
      config: { access: access.guestOrCustomer },
      schema: {
        body: postInteractionsBodySchema,
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
      const indexes = await Promise.all(events.map((e) => versions.get(e.catalogId, e.catalogVersion)));
      const issues = events.flatMap((e, i) => {
        const index = indexes[i];
        return index ? configEventIssues(index, e, `body.events[${i}]`) : [];
      });
      if (issues.length > 0)
        throw unprocessable(
          'unknown_option',
          `Not in the catalog version: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        );
      // The server's clock, channel and actor; nothing of these comes from the browser.
      const at = now().toISOString();
      const actor = webActorOf(request, reply, cookies);
      if ('guestId' in actor) {
        await appendGuestInteractions(
          db,
          events.map((e) => ({
            guestId: actor.guestId,
            kind: e.kind,
            catalogId: e.catalogId,
            catalogVersion: e.catalogVersion,
            payload: eventPayload(e),
            createdAt: at,
          })),
        );
      } else await record({ customerId: actor.customerId, userId: actor.userId, events, at });
      return reply.code(201).send({ accepted: events.length });
    },
  );

  app.get(
    '/me/timeline',
    {
      config: { access: access.customer },
      schema: {
        querystring: timelineQuerySchema,
        response: { 200: ownTimelineResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    // The customer's view: internal staff notes and every staff user id stay out (customers/own-timeline.ts).
    async (request) => {
      const page = await timelinePage(db, customerIdOf(request), {
        ...request.query,
        hiddenKindPrefixes: STAFF_ONLY_KIND_PREFIXES,
      });
      return { items: page.items.map(ownTimelineItem), nextCursor: page.nextCursor };
    },
  );
};

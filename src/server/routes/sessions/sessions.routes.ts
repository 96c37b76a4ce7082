import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorReplies } from '../../../contract/errors.schema.ts';
import {
  putSessionBodySchema,
  putSessionResponseSchema,
  sessionConflictResponseSchema,
  sessionParamsSchema,
  sessionResponseSchema,
} from '../../../contract/session.schema.ts';
import { access } from '../../plugins/access.ts';
import { webActorOf, type CookiePolicy } from '../../plugins/auth.ts';
import {
  deleteConfigSession,
  findConfigSession,
  type SessionOwner,
} from '../../store/config-sessions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { checkSession, saveOrConflict, sessionReply } from './session-save.ts';

const errors = errorReplies(400, 403, 404, 422);
/** Staff have no session of their own here: the sales console opens a customer's (store-sessions). */
const config = { access: access.guestOrCustomer };

/** The owner for reads and deletes: a signed-in customer, or this browser's guest; nobody (and no new cookie) else. */
function ownerOf(
  request: FastifyRequest,
  reply: FastifyReply,
  cookies: CookiePolicy,
): SessionOwner | undefined {
  if (!request.auth && !request.guestId) return undefined;
  return webActorOf(request, reply, cookies);
}

/**
 * The shopper's live configuration session per catalog, so it continues (undo history included) on another device.
 * Checked like every save (session-save.ts), and saved only over the revision the browser last saw.
 */
export const sessionRoutes: ZodRoutes = async (app, { db, versions, cookies, now }) => {
  app.get(
    '/sessions/:catalogId',
    {
      config,
      schema: { params: sessionParamsSchema, response: { 200: sessionResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const owner = ownerOf(request, reply, cookies);
      return sessionReply(owner ? await findConfigSession(db, owner, request.params.catalogId) : undefined);
    },
  );

  app.put(
    '/sessions/:catalogId',
    {
      config,
      schema: {
        params: sessionParamsSchema,
        body: putSessionBodySchema,
        response: { 200: putSessionResponseSchema, 409: sessionConflictResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await checkSession(versions, request.params.catalogId, request.body.session);
      const owner = webActorOf(request, reply, cookies);
      return saveOrConflict(db, reply, owner, request.body, now().toISOString(), null);
    },
  );

  app.delete(
    '/sessions/:catalogId',
    {
      config,
      schema: { params: sessionParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const owner = ownerOf(request, reply, cookies);
      // Deleting what is not there is done already: the browser may clear a session it never saved.
      if (owner) await deleteConfigSession(db, owner, request.params.catalogId);
      return reply.code(204).send(null);
    },
  );
};

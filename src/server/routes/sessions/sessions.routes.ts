import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  putSessionBodySchema,
  putSessionResponseSchema,
  sessionParamsSchema,
  sessionResponseSchema,
} from '../../../contract/session.schema.ts';
import { forbidden } from '../../errors.ts';
import { webActorOf, type CookiePolicy } from '../../plugins/auth.ts';
import { deleteConfigSession, type SessionOwner } from '../../store/config-sessions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { checkSession, readSession, sessionReply, writeSession } from './session-store.ts';

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

/**
 * Staff have no session of their own here (the sales console gets its own route). A preValidation hook, so they
 * get 403 before any body is looked at.
 */
const refuseStaff: preValidationAsyncHookHandler = async (request) => {
  const auth = request.auth;
  if (auth && (auth.role !== 'customer' || !auth.customerId))
    throw forbidden('Configuration sessions are the shopper’s own; staff open them from the sales console.');
};

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
 * Nothing the browser sends is trusted: the envelope must be of this catalog, at a recorded version, and name only
 * that version's slots and options; the browser re-checks the rules itself when it restores one.
 */
export const sessionRoutes: ZodRoutes = async (app, { db, versions, cookies, now }) => {
  app.get(
    '/sessions/:catalogId',
    {
      preValidation: refuseStaff,
      schema: { params: sessionParamsSchema, response: { 200: sessionResponseSchema, ...errors } },
    },
    async (request, reply) => {
      const owner = ownerOf(request, reply, cookies);
      return owner ? readSession(db, owner, request.params.catalogId) : sessionReply(db, undefined);
    },
  );

  app.put(
    '/sessions/:catalogId',
    {
      preValidation: refuseStaff,
      schema: {
        params: sessionParamsSchema,
        body: putSessionBodySchema,
        response: { 200: putSessionResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { session, baseRevision } = request.body;
      await checkSession(versions, request.params.catalogId, session);
      const owner = webActorOf(request, reply, cookies);
      const at = now().toISOString();
      return { revision: await writeSession(db, owner, session, { at, baseRevision, byUserId: null }) };
    },
  );

  app.delete(
    '/sessions/:catalogId',
    {
      preValidation: refuseStaff,
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

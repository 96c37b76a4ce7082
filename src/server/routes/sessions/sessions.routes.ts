import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import type { Issue } from '../../../contract/errors.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import {
  putSessionBodySchema,
  sessionParamsSchema,
  sessionResponseSchema,
  type PersistedSession,
} from '../../../contract/session.schema.ts';
import { structuralProblems, type Build, type CatalogIndex } from '../../../core/catalog/build.ts';
import { forbidden, unprocessable } from '../../errors.ts';
import { webActorOf, type CookiePolicy } from '../../plugins/auth.ts';
import {
  deleteConfigSession,
  findConfigSession,
  upsertConfigSession,
  type SessionOwner,
} from '../../store/config-sessions.repository.ts';
import type { ZodRoutes } from '../route-deps.ts';

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
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

/** Every build of the session (choices and both histories) checked against the version it names. */
function sessionProblems(index: CatalogIndex, session: PersistedSession): Issue[] {
  const { choices, past, future } = session.snapshot.context;
  const builds: [string, Build][] = [
    ['choices', choices],
    ...past.map((b, i): [string, Build] => [`past[${i}]`, b]),
    ...future.map((b, i): [string, Build] => [`future[${i}]`, b]),
  ];
  return builds.flatMap(([where, build]) =>
    // Not `complete`: a session in progress may leave slots empty.
    structuralProblems(index, build, false).map((p) => ({
      path: `body.session.snapshot.context.${where}.${p.slot}${p.option ? `.${p.option}` : ''}`,
      message: p.message,
    })),
  );
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
      const stored = owner ? await findConfigSession(db, owner, request.params.catalogId) : undefined;
      return { session: stored?.session ?? null, updatedAt: stored?.updatedAt ?? null };
    },
  );

  app.put(
    '/sessions/:catalogId',
    {
      preValidation: refuseStaff,
      schema: {
        params: sessionParamsSchema,
        body: putSessionBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { catalogId } = request.params;
      const { session } = request.body;
      if (session.catalogId !== catalogId)
        throw unprocessable(
          'invalid_session',
          `The session is of catalog "${session.catalogId}", not "${catalogId}".`,
          [{ path: 'body.session.catalogId', message: `must be "${catalogId}"` }],
        );
      const index = await versions.get(catalogId, session.catalogVersion);
      const issues = sessionProblems(index, session);
      if (issues.length > 0)
        throw unprocessable(
          'invalid_session',
          `The session does not fit ${index.catalog.id}@${index.catalog.version}: ${issues.length} problem(s), first ${issues[0]?.path}: ${issues[0]?.message}`,
          issues,
        );
      const owner = webActorOf(request, reply, cookies);
      await upsertConfigSession(db, owner, session, now().toISOString());
      return reply.code(204).send(null);
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

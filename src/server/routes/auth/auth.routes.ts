import { z } from 'zod';
import { meResponseSchema, signInBodySchema } from '../../../contract/auth.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { clearSessionCookie } from '../../plugins/auth.ts';
import { deleteSession, deleteUserSessions } from '../../store/sessions.repository.ts';
import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from '../../plugins/zod.ts';
import { callerOf } from '../signed-in.ts';
import { meOf } from './me.ts';
import { signInKit, type AuthRouteDeps } from './sign-in-kit.ts';
import { signUpRoutes } from './sign-up.routes.ts';

export const authRoutes: FastifyPluginAsync<AuthRouteDeps, RawServerDefault, ZodTypeProvider> = async (
  app,
  deps,
) => {
  const { db, tiers, now, sessions } = deps;
  const kit = signInKit(deps);
  await app.register(signUpRoutes, deps);

  app.post(
    '/auth/sign-in',
    {
      config: { access: access.anyone },
      schema: {
        body: signInBodySchema,
        response: {
          200: meResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await kit.refuseWhileLocked(request, reply, email);
      const { user, ok } = await kit.checkPassword(email, password);
      if (!user || !ok) {
        await kit.countFailure(request, email);
        throw new HttpError(401, 'invalid_credentials', 'Wrong e-mail or password.');
      }
      return kit.signedIn(request, reply, user);
    },
  );

  app.post('/auth/sign-out', { config: { access: access.anyone } }, async (request, reply) => {
    if (request.auth) {
      await deleteSession(db, request.auth.tokenHash);
      sessions.forget(request.auth.tokenHash);
    }
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { access: access.signedIn },
      schema: { response: { 204: z.null(), 401: errorResponseSchema } },
    },
    async (request, reply) => {
      // Every browser of this user, this one included: a lost phone or a shared computer is signed out too.
      const { userId } = callerOf(request);
      await deleteUserSessions(db, userId);
      sessions.forgetUser(userId);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: access.signedIn },
      schema: { response: { 200: meResponseSchema, 401: errorResponseSchema } },
    },
    async (request) => meOf(db, callerOf(request), tiers, now()),
  );
};

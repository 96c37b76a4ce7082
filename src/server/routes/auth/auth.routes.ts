import { z } from 'zod';
import { meResponseSchema, signInBodySchema, signUpBodySchema } from '../../../contract/auth.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import type { SessionCache } from '../../auth/session-cache.ts';
import { SESSION_DAYS, hashToken, newSessionToken } from '../../auth/tokens.ts';
import { mergeGuest } from '../../customers/merge.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import { clearGuestCookie, clearSessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import { tooManyRequests, type AddressFailures, type RateLimits } from '../../plugins/rate-limits.ts';
import { isCommonPassword } from '../../auth/password-policy.ts';
import { normalizeClaimCode } from '../../../contract/store-find.schema.ts';
import {
  claimCustomer,
  findCustomerByUserId,
  insertCustomer,
  nextCustomerNumber,
} from '../../store/customers.repository.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  insertSession,
} from '../../store/sessions.repository.ts';
import { clearSignInFailures, lockedForMs, recordSignInFailure } from '../../store/sign-in.repository.ts';
import { findUserByEmail, insertUser } from '../../store/users.repository.ts';
import type { UserRole } from '../../store/users.table.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from '../../plugins/zod.ts';
import type { RouteDeps } from '../route-deps.ts';
import { callerOf } from '../signed-in.ts';
import { meOf } from './me.ts';

const DAY_MS = 86_400_000;

let dummyHash: Promise<string> | undefined;

const emailTaken = () =>
  new HttpError(
    409,
    'email_taken',
    'This e-mail has an account and that is not its password; sign in instead.',
  );

/** The auth routes also count failed sign-ins (plugins/rate-limits.ts) and tell the session cache of sign-outs. */
export interface AuthRouteDeps extends RouteDeps {
  limits: RateLimits;
  addressFailures: AddressFailures;
  sessions: SessionCache;
}

export const authRoutes: FastifyPluginAsync<AuthRouteDeps, RawServerDefault, ZodTypeProvider> = async (
  app,
  deps,
) => {
  const { db, dialect, versions, tiers, cookies, now, limits, addressFailures, sessions } = deps;
  const lockout = { maxFailures: limits.accountFailures, windowMs: limits.failureWindowMs };

  /**
   * Refuses (429) a network address with too many recent failures, then an e-mail address with too many, even
   * before looking at the password: during a lockout the right password is refused too. Unknown e-mails lock
   * like known ones, so a lockout tells nothing about who has an account.
   */
  async function refuseWhileLocked(request: FastifyRequest, reply: FastifyReply, email: string) {
    const addressMs = await addressFailures.lockedForMs(request);
    if (addressMs > 0)
      throw tooManyRequests(reply, addressMs, 'Too many failed sign-ins from your network; try again later.');
    const accountMs = await lockedForMs(db, email, now(), lockout);
    if (accountMs > 0)
      throw tooManyRequests(
        reply,
        accountMs,
        `Too many failed sign-ins for this e-mail; try again in ${Math.ceil(accountMs / 60_000)} minutes.`,
      );
  }

  async function countFailure(request: FastifyRequest, email: string) {
    await addressFailures.recordFailure(request);
    await recordSignInFailure(db, email, now(), limits.failureWindowMs);
  }

  /** The password of `email`'s account, if any, checked with the same work whether there is one or not. */
  async function checkPassword(email: string, password: string) {
    const user = await findUserByEmail(db, email);
    // Same work for an unknown e-mail as for a wrong password, so timing does not reveal who has an account.
    dummyHash ??= hashPassword('not a password');
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
    return { user, ok: Boolean(user?.password_hash) && ok };
  }

  /** A session for `user` (whose password was right), with this browser's guest work merged into it. */
  async function signedIn(
    request: FastifyRequest,
    reply: FastifyReply,
    user: { id: string; email: string; name: string; role: UserRole },
  ) {
    await clearSignInFailures(db, user.email);
    const customer = await findCustomerByUserId(db, user.id);
    const guestId = request.guestId;
    const merged =
      guestId && customer
        ? await db
            .transaction()
            .execute((trx) =>
              mergeGuest(trx, dialect, versions, guestId, { customerId: customer.id, userId: user.id }),
            )
        : undefined;
    setSessionCookie(request, reply, cookies, await startSession(user.id));
    if (guestId) clearGuestCookie(reply);
    const me = await meOf(
      db,
      {
        userId: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        customerId: customer?.id ?? null,
      },
      tiers,
      now(),
    );
    return { ...me, ...(merged ? { merged } : {}) };
  }
  const replies = {
    200: meResponseSchema,
    201: meResponseSchema,
    400: errorResponseSchema,
    429: errorResponseSchema,
  };

  async function startSession(userId: string) {
    const token = newSessionToken();
    const at = now();
    await insertSession(db, {
      tokenHash: hashToken(token),
      userId,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
    });
    await deleteExpiredSessions(db, userId, at.toISOString());
    return token;
  }

  app.post(
    '/auth/sign-up',
    {
      config: { access: access.anyone },
      schema: { body: signUpBodySchema, response: { ...replies, 409: errorResponseSchema } },
    },
    async (request, reply) => {
      const body = request.body;
      if (isCommonPassword(body.password))
        throw new HttpError(400, 'password_common', 'This password is on lists of common passwords.', [
          { path: 'body.password', message: 'one of the most common passwords; choose another' },
        ]);
      await refuseWhileLocked(request, reply, body.email);
      // Signing up with an address that has an account is a sign-in attempt (issue 19 §2): the right password signs
      // in with the same 201 as a new account; a wrong one counts as a failed sign-in (so probing who has an
      // account here is rate limited like guessing passwords) and is told the address is taken.
      if (await findUserByEmail(db, body.email)) {
        const { user, ok } = await checkPassword(body.email, body.password);
        if (user && ok) return reply.code(201).send(await signedIn(request, reply, user));
        await countFailure(request, body.email);
        throw emailTaken();
      }
      // scrypt is slow by design: hash before the transaction so it holds no lock meanwhile.
      const passwordHash = await hashPassword(body.password);
      const guestId = request.guestId;
      const at = now().toISOString();
      let result;
      for (let attempt = 0; ; attempt++) {
        try {
          result = await db.transaction().execute(async (trx) => {
            if (await findUserByEmail(trx, body.email)) throw emailTaken();
            const user = await insertUser(trx, {
              email: body.email,
              name: body.name,
              role: 'customer',
              password_hash: passwordHash,
              created_at: at,
            });
            // A walk-in's code takes over their store record; without one, a new record, whatever the e-mail:
            // an e-mail typed online proves nothing, so it never attaches anyone to an existing record.
            const claimed = body.claimCode
              ? await claimCustomer(trx, normalizeClaimCode(body.claimCode), {
                  userId: user.id,
                  email: body.email,
                  phone: body.phone,
                })
              : undefined;
            if (body.claimCode && !claimed)
              throw new HttpError(
                400,
                'claim_code_invalid',
                'This code does not match a record waiting to be claimed (it may have been used).',
                [{ path: 'body.claimCode', message: 'unknown or already used' }],
              );
            const customer =
              claimed ??
              (await insertCustomer(trx, {
                customer_number: await nextCustomerNumber(trx),
                user_id: user.id,
                email: body.email,
                phone: body.phone,
                name: body.name,
                birthday: body.birthday,
                birthday_set_at: body.birthday === null ? null : at,
                created_at: at,
              }));
            await appendInteraction(trx, {
              customer_id: customer.id,
              channel: 'web',
              actor_user_id: user.id,
              kind: claimed ? 'customer.claimed' : 'customer.registered',
              catalog_id: null,
              catalog_version: null,
              payload: {},
              created_at: at,
            });
            const merged = guestId
              ? await mergeGuest(trx, dialect, versions, guestId, {
                  customerId: customer.id,
                  userId: user.id,
                })
              : undefined;
            return { user, customer, merged };
          });
          break;
        } catch (error) {
          // Two sign-ups took the same next customer number: the loser tries again with a fresh one.
          if (attempt < 3 && isUniqueViolation(error)) continue;
          if (isUniqueViolation(error)) throw emailTaken();
          throw error;
        }
      }
      setSessionCookie(request, reply, cookies, await startSession(result.user.id));
      if (guestId) clearGuestCookie(reply);
      const me = await meOf(
        db,
        { ...result.user, userId: result.user.id, customerId: result.customer.id },
        tiers,
        now(),
      );
      return reply.code(201).send({ ...me, ...(result.merged ? { merged: result.merged } : {}) });
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { access: access.anyone },
      schema: { body: signInBodySchema, response: { ...replies, 401: errorResponseSchema } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await refuseWhileLocked(request, reply, email);
      const { user, ok } = await checkPassword(email, password);
      if (!user || !ok) {
        await countFailure(request, email);
        throw new HttpError(401, 'invalid_credentials', 'Wrong e-mail or password.');
      }
      return signedIn(request, reply, user);
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

import { meResponseSchema, signInBodySchema, signUpBodySchema } from '../../../contract/auth.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { SESSION_DAYS, hashToken, newSessionToken } from '../../auth/tokens.ts';
import { mergeGuest } from '../../customers/merge.ts';
import { HttpError } from '../../errors.ts';
import { authorize, clearGuestCookie, clearSessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import { normalizeClaimCode } from '../../../contract/store-find.schema.ts';
import {
  claimCustomer,
  findCustomerByUserId,
  insertCustomer,
  nextCustomerNumber,
} from '../../store/customers.repository.ts';
import { appendInteraction } from '../../store/interactions.repository.ts';
import { deleteExpiredSessions, deleteSession, insertSession } from '../../store/sessions.repository.ts';
import { findUserByEmail, insertUser } from '../../store/users.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { meOf } from './me.ts';

const DAY_MS = 86_400_000;

let dummyHash: Promise<string> | undefined;

export const authRoutes: ZodRoutes = async (app, deps) => {
  const { db, dialect, versions, tiers, cookies, now } = deps;
  const replies = { 200: meResponseSchema, 201: meResponseSchema, 400: errorResponseSchema };

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
    { schema: { body: signUpBodySchema, response: { ...replies, 409: errorResponseSchema } } },
    async (request, reply) => {
      const body = request.body;
      // scrypt is slow by design: hash before the transaction so it holds no lock meanwhile.
      const passwordHash = await hashPassword(body.password);
      const guestId = request.guestId;
      const at = now().toISOString();
      let result;
      for (let attempt = 0; ; attempt++) {
        try {
          result = await db.transaction().execute(async (trx) => {
            if (await findUserByEmail(trx, body.email))
              throw new HttpError(
                409,
                'email_taken',
                `An account for ${body.email} exists; sign in instead.`,
              );
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
          if (isUniqueViolation(error))
            throw new HttpError(409, 'email_taken', `An account for ${body.email} exists; sign in instead.`);
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
    { schema: { body: signInBodySchema, response: { ...replies, 401: errorResponseSchema } } },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await findUserByEmail(db, email);
      // Same work for an unknown e-mail as for a wrong password, so timing does not reveal who has an account.
      dummyHash ??= hashPassword('not a password');
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
      if (!user || !user.password_hash || !ok)
        throw new HttpError(401, 'invalid_credentials', 'Wrong e-mail or password.');
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
    },
  );

  app.post('/auth/sign-out', async (request, reply) => {
    if (request.auth) await deleteSession(db, request.auth.tokenHash);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get(
    '/me',
    { preHandler: authorize(), schema: { response: { 200: meResponseSchema, 401: errorResponseSchema } } },
    async (request) => {
      const auth = request.auth;
      if (!auth) throw new Error('authorize() let an anonymous request through');
      return meOf(db, auth, tiers, now());
    },
  );
};

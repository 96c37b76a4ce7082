import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import {
  confirmSignUpBodySchema,
  meResponseSchema,
  signUpBodySchema,
  signUpPendingSchema,
} from '../../../contract/auth.schema.ts';
import { errorResponseSchema } from '../../../contract/errors.schema.ts';
import { normalizeClaimCode } from '../../../contract/store-find.schema.ts';
import { mailOrigin } from '../../auth/mail-origin.ts';
import { publicOriginFromEnv } from '../../public-origin.ts';
import { hashPassword } from '../../auth/password.ts';
import { isCommonPassword } from '../../auth/password-policy.ts';
import { confirmMail, existingAccountMail } from '../../auth/sign-up-mails.ts';
import { hashToken, newSessionToken } from '../../auth/tokens.ts';
import { HttpError } from '../../errors.ts';
import { access } from '../../plugins/access.ts';
import type { ZodTypeProvider } from '../../plugins/zod.ts';
import { isClaimable } from '../../store/customers.repository.ts';
import { enqueueMail, insertSignUpRequest, takeSignUpRequest } from '../../store/sign-up.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { claimCodeInvalid, createAccount, emailTaken } from './create-account.ts';
import { signInKit, type AuthRouteDeps } from './sign-in-kit.ts';

/** How long a confirmation link works. */
const LINK_HOURS = 24;

/**
 * Sign-up in two steps (issue 19 §2): the form, whose answer is the same whether the address has an account or
 * not, and the e-mailed link, which creates the account. Only the address's owner learns which it was.
 */
export const signUpRoutes: FastifyPluginAsync<AuthRouteDeps, RawServerDefault, ZodTypeProvider> = async (
  app,
  deps,
) => {
  const { db, dialect, versions, now, mailbox } = deps;
  const kit = signInKit(deps);
  const publicOrigin = publicOriginFromEnv();

  app.post(
    '/auth/sign-up',
    {
      config: { access: access.anyone },
      schema: {
        body: signUpBodySchema,
        response: {
          201: meResponseSchema,
          202: signUpPendingSchema,
          400: errorResponseSchema,
          429: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (isCommonPassword(body.password))
        throw new HttpError(400, 'password_common', 'This password is on lists of common passwords.', [
          { path: 'body.password', message: 'one of the most common passwords; choose another' },
        ]);
      await kit.refuseWhileLocked(request, reply, body.email);
      if (body.claimCode && !(await isClaimable(db, normalizeClaimCode(body.claimCode))))
        throw claimCodeInvalid();
      const origin = mailOrigin(request, publicOrigin);
      const { user, ok } = await kit.checkPassword(body.email, body.password);
      // The right password of an existing account signs in: only its owner can send it, so this tells nobody else.
      if (user && ok) return reply.code(201).send(await kit.signedIn(request, reply, user));
      // Every other sign-up counts against the address like a failed sign-in, whether it has an account or not:
      // guessing a password here is rate limited as on the sign-in form, the count is the same for both (so a
      // lockout tells nothing), and nobody can flood one inbox with mails.
      await kit.countFailure(request, body.email);
      // Hashed whether it is kept or not, so both answers cost the same two scrypts and timing tells nothing.
      const passwordHash = await hashPassword(body.password);
      const at = now();
      if (user) {
        const link = `${origin}/sign-in?${new URLSearchParams({ email: body.email }).toString()}`;
        await enqueueMail(db, { to: body.email, ...existingAccountMail(body.language, link) }, at);
      } else {
        const token = newSessionToken();
        await insertSignUpRequest(db, {
          token_hash: hashToken(token),
          email: body.email,
          name: body.name,
          password_hash: passwordHash,
          phone: body.phone,
          birthday: body.birthday,
          claim_code: body.claimCode ?? null,
          guest_id: request.guestId,
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + LINK_HOURS * 3_600_000).toISOString(),
        });
        const query = new URLSearchParams({ token, ...(body.next ? { next: body.next } : {}) });
        const link = `${origin}/confirm-email?${query.toString()}`;
        await enqueueMail(db, { to: body.email, ...confirmMail(body.language, body.name, link) }, at);
      }
      return reply.code(202).send({ status: 'confirm_email', email: body.email, mailbox });
    },
  );

  app.post(
    '/auth/confirm',
    {
      config: { access: access.anyone },
      schema: {
        body: confirmSignUpBodySchema,
        response: {
          201: meResponseSchema,
          400: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const at = now();
      // Taking the request and creating the account are one transaction: a link opened twice at once makes one.
      const confirm = () =>
        db.transaction().execute(async (trx) => {
          const pending = await takeSignUpRequest(trx, hashToken(request.body.token), at);
          if (!pending)
            throw new HttpError(
              400,
              'confirm_link_invalid',
              'This link is unknown, used already or older than 24 hours; sign up again for a new one.',
            );
          // The guest work of the browser that signed up and of this one (the link may be opened on a phone).
          const guestIds = [...new Set([pending.guest_id, request.guestId].filter((g) => g !== null))];
          return createAccount(trx, dialect, versions, pending, guestIds, at.toISOString());
        });
      let result;
      for (let attempt = 0; ; attempt++) {
        try {
          result = await confirm();
          break;
        } catch (error) {
          // Two accounts took the same next customer number: the loser's transaction rolled back, link included,
          // so it tries again with a fresh number.
          if (attempt < 3 && isUniqueViolation(error)) continue;
          if (isUniqueViolation(error)) throw emailTaken();
          throw error;
        }
      }
      const { user, customer, merged } = result;
      return reply.code(201).send(await kit.sessionStarted(request, reply, user, customer.id, merged));
    },
  );
};

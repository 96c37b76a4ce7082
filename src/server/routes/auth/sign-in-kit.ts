import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import type { SessionCache } from '../../auth/session-cache.ts';
import { SESSION_DAYS, hashToken, newSessionToken } from '../../auth/tokens.ts';
import { mergeGuest } from '../../customers/merge.ts';
import { clearGuestCookie, setSessionCookie } from '../../plugins/auth.ts';
import { tooManyRequests, type AddressFailures, type RateLimits } from '../../plugins/rate-limits.ts';
import { findCustomerByUserId } from '../../store/customers.repository.ts';
import { deleteExpiredSessions, insertSession } from '../../store/sessions.repository.ts';
import { clearSignInFailures, lockedForMs, recordSignInFailure } from '../../store/sign-in.repository.ts';
import { findUserByEmail } from '../../store/users.repository.ts';
import type { UserRole } from '../../store/users.table.ts';
import type { RouteDeps } from '../route-deps.ts';
import { meOf } from './me.ts';

const DAY_MS = 86_400_000;

let dummyHash: Promise<string> | undefined;

/** The auth routes also count failed sign-ins (plugins/rate-limits.ts) and tell the session cache of sign-outs. */
export interface AuthRouteDeps extends RouteDeps {
  limits: RateLimits;
  addressFailures: AddressFailures;
  sessions: SessionCache;
  /** The demo mailbox page's path when the server shows its outbox (MAILBOX_VIEW), else null. */
  mailbox: string | null;
}

/** What signing in, signing up and confirming a sign-up share: lockouts, password checks, starting a session. */
export function signInKit(deps: AuthRouteDeps) {
  const { db, dialect, versions, tiers, cookies, now, limits, addressFailures } = deps;
  const lockout = { maxFailures: limits.accountFailures, windowMs: limits.failureWindowMs };

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

  /**
   * Signs this browser in as `user`, whose identity was just proven (a password, a confirmation link): forgives the
   * address's failures, sets the session cookie and drops the guest cookie. @returns the `/api/me` body, with what
   * a guest merge brought.
   */
  async function sessionStarted(
    request: FastifyRequest,
    reply: FastifyReply,
    user: { id: string; email: string; name: string; role: UserRole },
    customerId: string | null,
    merged: { builds: number; interactions: number } | undefined,
  ) {
    await clearSignInFailures(db, user.email);
    setSessionCookie(request, reply, cookies, await startSession(user.id));
    if (request.guestId) clearGuestCookie(reply);
    const me = await meOf(
      db,
      { userId: user.id, email: user.email, name: user.name, role: user.role, customerId },
      tiers,
      now(),
    );
    return { ...me, ...(merged ? { merged } : {}) };
  }

  return {
    /**
     * Refuses (429) a network address with too many recent failures, then an e-mail address with too many, even
     * before looking at the password: during a lockout the right password is refused too. Unknown e-mails lock
     * like known ones, so a lockout tells nothing about who has an account.
     */
    async refuseWhileLocked(request: FastifyRequest, reply: FastifyReply, email: string) {
      const addressMs = await addressFailures.lockedForMs(request);
      if (addressMs > 0)
        throw tooManyRequests(
          reply,
          addressMs,
          'Too many failed sign-ins from your network; try again later.',
        );
      const accountMs = await lockedForMs(db, email, now(), lockout);
      if (accountMs > 0)
        throw tooManyRequests(
          reply,
          accountMs,
          `Too many failed sign-ins for this e-mail; try again in ${Math.ceil(accountMs / 60_000)} minutes.`,
        );
    },

    async countFailure(request: FastifyRequest, email: string) {
      await addressFailures.recordFailure(request);
      await recordSignInFailure(db, email, now(), limits.failureWindowMs);
    },

    /** The password of `email`'s account, if any, checked with the same work whether there is one or not. */
    async checkPassword(email: string, password: string) {
      const user = await findUserByEmail(db, email);
      // Same work for an unknown e-mail as for a wrong password, so timing does not reveal who has an account.
      dummyHash ??= hashPassword('not a password');
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
      return { user, ok: Boolean(user?.password_hash) && ok };
    },

    /** A session for `user` (whose password was right), with this browser's guest work merged into it. */
    async signedIn(
      request: FastifyRequest,
      reply: FastifyReply,
      user: { id: string; email: string; name: string; role: UserRole },
    ) {
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
      return sessionStarted(request, reply, user, customer?.id ?? null, merged);
    },

    sessionStarted,
  };
}

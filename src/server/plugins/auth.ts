// Types only: brings request.cookies and reply.setCookie; app.ts registers the plugin.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  GUEST_COOKIE,
  GUEST_DAYS,
  SESSION_COOKIE,
  SESSION_DAYS,
  hashToken,
  newGuestId,
  signGuestId,
  verifiedGuestId,
} from '../auth/tokens.ts';
import { forbidden, unauthorized } from '../errors.ts';
import type { Database } from '../store/database.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import {
  deleteSession,
  findSessionUser,
  touchSession,
  type LiveSession,
  type SessionUser,
} from '../store/sessions.repository.ts';

export interface AuthContext extends SessionUser {
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, resolved once per request from the session cookie; null for guests. */
    auth: AuthContext | null;
    /** The anonymous guest id, when the browser has a guest cookie this server issued (signed). */
    guestId: string | null;
  }
}

export interface CookiePolicy {
  /** COOKIE_SECURE=1: always Secure (behind a TLS-terminating proxy); otherwise Secure on https requests. */
  forceSecure: boolean;
  /** Signs guest-id cookies (HMAC), so a client cannot choose another guest's id. */
  guestSecret: string;
}

/** How long a session lives without requests; the absolute limit is SESSION_DAYS. */
export interface IdlePolicy {
  customerMs: number;
  /** Staff sessions open customer records, often on shared store devices: a shorter idle limit. */
  staffMs: number;
}

export const DEFAULT_IDLE: IdlePolicy = { customerMs: 7 * 86_400_000, staffMs: 12 * 3_600_000 };

/** The idle clock moves at most this often: no write per request. */
const TOUCH_EVERY_MS = 60_000;

function cookieOptions(request: FastifyRequest, policy: CookiePolicy, days: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: policy.forceSecure || request.protocol === 'https',
    maxAge: days * 86_400,
  };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  policy: CookiePolicy,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, policy, SESSION_DAYS));
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function clearGuestCookie(reply: FastifyReply): void {
  reply.clearCookie(GUEST_COOKIE, { path: '/' });
}

/** The guest id of this browser, creating (and setting the cookie of) one on first use. */
export function ensureGuestId(request: FastifyRequest, reply: FastifyReply, policy: CookiePolicy): string {
  if (request.guestId) return request.guestId;
  const id = newGuestId();
  reply.setCookie(
    GUEST_COOKIE,
    signGuestId(id, policy.guestSecret),
    cookieOptions(request, policy, GUEST_DAYS),
  );
  request.guestId = id;
  return id;
}

/** Resolves `request.auth` and `request.guestId` for every request of the scope it is installed in. */
export function installAuth(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    now: () => Date;
    guestSecret: string;
    idle: IdlePolicy;
    sessions: SessionCache;
  },
): void {
  const { db, now, guestSecret, idle, sessions } = deps;
  /** Neither past its absolute expiry nor idle too long, at `atMs`. */
  const isLive = (session: LiveSession, atMs: number) =>
    Date.parse(session.expiresAt) > atMs &&
    atMs - Date.parse(session.lastSeenAt) < (session.role === 'customer' ? idle.customerMs : idle.staffMs);

  app.decorateRequest('auth', null);
  app.decorateRequest('guestId', null);
  app.addHook('onRequest', async (request, reply) => {
    request.guestId = verifiedGuestId(request.cookies[GUEST_COOKIE], guestSecret);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const at = now();
    const atMs = at.getTime();
    // What the cache holds is only trusted to admit; any doubt is settled by the database.
    let session = sessions.get(tokenHash, atMs);
    if (!session || !isLive(session, atMs)) {
      const epoch = sessions.epoch();
      const found = token.length > 100 ? undefined : await findSessionUser(db, tokenHash, at.toISOString());
      session = found && isLive(found, atMs) ? found : undefined;
      if (session) sessions.remember(tokenHash, session, atMs, epoch);
      else if (found) {
        await deleteSession(db, tokenHash);
        sessions.forget(tokenHash);
      }
    }
    if (session) {
      if (atMs - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
        await touchSession(db, tokenHash, at.toISOString());
        sessions.seen(tokenHash, at.toISOString());
      }
      const { lastSeenAt: _seen, expiresAt: _expires, ...user } = session;
      request.auth = { ...user, tokenHash };
      return;
    }
    // Expired, idle too long, signed out everywhere or made up: the browser forgets the cookie.
    clearSessionCookie(reply);
  });
}

/**
 * The signed-in customer's id, for routes that declare `access.customer` or `access.guestOrCustomer` (plugins/access.ts
 * admits the role); a customer account always has its record, sign-up makes both in one transaction.
 * @throws 401 without a session, 403 for an account without a customer record (never a customer's).
 */
export function customerIdOf(request: FastifyRequest): string {
  const auth = request.auth;
  if (!auth) throw unauthorized();
  if (!auth.customerId) throw forbidden('Only customers have this.');
  return auth.customerId;
}

/** Who a web event belongs to: a signed-in customer, or the browser's guest id. */
export type WebActor = { customerId: string; userId: string } | { guestId: string };

/** The actor of a route declaring `access.guestOrCustomer`: staff never get here. */
export function webActorOf(request: FastifyRequest, reply: FastifyReply, policy: CookiePolicy): WebActor {
  const auth = request.auth;
  if (auth) return { customerId: customerIdOf(request), userId: auth.userId };
  return { guestId: ensureGuestId(request, reply, policy) };
}

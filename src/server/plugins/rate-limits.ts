import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';

/**
 * Limits on what anyone can do without an account (issue 19 §2, §4). Per-address counts live in this process's
 * memory (@fastify/rate-limit's LRU store, 5,000 addresses): with N server instances an address gets up to N times
 * the limit. Per-account sign-in failures live in the database (store/sign-in.repository.ts) and hold across
 * instances and restarts.
 */
export interface RateLimits {
  /** Failed sign-ins for one e-mail address, each within `failureWindowMs` of the last, before it is locked. */
  accountFailures: number;
  /** Failed sign-ins from one network address (any e-mails) within `failureWindowMs` before it is refused. */
  addressFailures: number;
  failureWindowMs: number;
  /** Writes (non-GET requests) per minute from one network address without a session. */
  guestWritesPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  accountFailures: 10,
  addressFailures: 50,
  failureWindowMs: 15 * 60_000,
  guestWritesPerMinute: 120,
};

/** IPv6 addresses by /64 (one subscriber), IPv4-mapped ones as IPv4: what the plugin does by default. */
const addressOf = (request: FastifyRequest) => normalizeIP(request.ip);

/** 429 with Retry-After (whole seconds, at least one), also in the body's details for the client's own wording. */
export function tooManyRequests(reply: FastifyReply, retryAfterMs: number, message: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  reply.header('retry-after', String(seconds));
  return new HttpError(429, 'too_many_requests', message, undefined, { retryAfterSeconds: seconds });
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Registers the plugin (no global limit) and limits guests' writes in `app`'s scope; install after installAuth,
 * whose hook decides who is signed in. Signed-in users are not limited here (the load bench writes as 200 signed-in
 * customers from one address). /api/auth has its own limits (failures), so sign-in and sign-up do not count.
 * @returns the per-address failed-sign-in counter for the auth routes.
 */
export async function installRateLimits(app: FastifyInstance, limits: RateLimits) {
  await app.register(fastifyRateLimit, { global: false });
  const guestWrites = app.createRateLimit({
    max: limits.guestWritesPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `guest-write:${addressOf(request)}`,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.auth || READS.has(request.method) || request.url.startsWith('/api/auth/')) return;
    const status = await guestWrites(request);
    if (!status.isAllowed && status.isExceeded)
      throw tooManyRequests(
        reply,
        status.ttl,
        'Too many changes from your network without signing in; wait a moment, or sign in.',
      );
  });
  const failures = app.createRateLimit({
    max: limits.addressFailures,
    timeWindow: limits.failureWindowMs,
    keyGenerator: (request) => `sign-in-failure:${addressOf(request)}`,
  });
  return {
    /** @returns ms until this address may try again, 0 when it may now. Counts nothing. */
    async lockedForMs(request: FastifyRequest): Promise<number> {
      const status = await failures(request, { increment: false });
      return !status.isAllowed && status.remaining === 0 ? status.ttl : 0;
    },
    async recordFailure(request: FastifyRequest): Promise<void> {
      await failures(request);
    },
  };
}

export type AddressFailures = Awaited<ReturnType<typeof installRateLimits>>;

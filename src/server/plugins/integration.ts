import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashToken } from '../auth/tokens.ts';

/**
 * Integrations (a payment provider's webhook relay, the warehouse system) call the API with
 * `Authorization: Bearer <token>`. The server knows each by name and the SHA-256 of its token only, from
 * INTEGRATION_TOKENS (`erp:<hex>,warehouse:<hex>`), so a leaked configuration yields no usable token. An
 * integration is no user: routes admit it only where their access declaration says `integration: true`.
 */
export interface Integration {
  name: string;
  /** SHA-256 of the token, lower-case hex. */
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The integration whose bearer token came with the request; null without one or with an unknown one. */
    integration: Integration | null;
  }
}

const entrySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}:[0-9a-f]{64}$/, 'must be name:<64 hex digits of the token’s SHA-256>');

/**
 * INTEGRATION_TOKENS → the integrations; unset or empty: none.
 * @throws a ZodError naming the bad entry, or an Error for a repeated name (start-up stops).
 */
export function parseIntegrationTokens(value: string | undefined): Integration[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const integrations = entries.map((entry) => {
    const [name = '', tokenHash = ''] = entrySchema.parse(entry).split(':');
    return { name, tokenHash };
  });
  const names = integrations.map((i) => i.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`INTEGRATION_TOKENS names "${repeated}" twice`);
  return integrations;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/;

/** Resolves `request.integration` from the Authorization header, comparing hashes in constant time. */
export function installIntegrationAuth(app: FastifyInstance, integrations: readonly Integration[]): void {
  app.decorateRequest('integration', null);
  if (integrations.length === 0) return;
  const known = integrations.map((i) => ({ ...i, hash: Buffer.from(i.tokenHash, 'hex') }));
  app.addHook('onRequest', async (request) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return;
    const hash = Buffer.from(hashToken(token), 'hex');
    const match = known.find((i) => timingSafeEqual(i.hash, hash));
    request.integration = match ? { name: match.name, tokenHash: match.tokenHash } : null;
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EncodedBody } from '../../catalogs/catalog-bodies.ts';

export type Coding = 'br' | 'gzip' | 'identity';

/**
 * The content coding to send, from an Accept-Encoding header (RFC 9110 §12.5.3): the offered coding with the highest
 * q (a coding not named takes `*`'s, else is not acceptable), earlier in `offered` on a tie; identity when none has q > 0.
 */
export function preferredCoding(header: string | undefined, offered: readonly ('br' | 'gzip')[]): Coding {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    const given = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find(Boolean);
    // Named twice (never sent by a browser): refused by either, refused.
    q.set(coding, Math.min(q.get(coding) ?? 1, given === undefined ? 1 : Number(given)));
  }
  let best: Coding = 'identity';
  let bestQ = 0;
  for (const coding of offered) {
    const value = q.get(coding) ?? q.get('*') ?? 0;
    if (value > bestQ) [best, bestQ] = [coding, value];
  }
  return best;
}

const tagOf = (body: EncodedBody, coding: Coding) =>
  coding === 'identity' ? body.etag : body.etag.replace(/"$/, `-${coding}"`);

/** If-None-Match names any representation of this body (or `*`). Weak comparison, as RFC 9110 asks for it. */
function unchanged(header: string | undefined, body: EncodedBody): boolean {
  const ours = new Set((['identity', 'gzip', 'br'] as const).map((c) => tagOf(body, c)));
  return (header ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || ours.has(t));
}

/**
 * Sends a body as stored, in the coding the client prefers (or plain), revalidated on every use: the ETag makes that
 * a 304, so a new version is never read from a stale cache. The Content-Encoding header keeps @fastify/compress off it.
 */
export function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  body: EncodedBody,
  contentType: string,
) {
  const coding = preferredCoding(request.headers['accept-encoding'], body.br ? ['br', 'gzip'] : ['gzip']);
  void reply
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding')
    .header('etag', tagOf(body, coding));
  if (unchanged(request.headers['if-none-match'], body)) return reply.code(304).send(); // no payload: a serialized `null` would claim a Content-Length
  void reply.header('content-type', contentType);
  if (coding === 'identity') return reply.send(body.bytes);
  return reply.header('content-encoding', coding).send(coding === 'br' ? body.br : body.gzip);
}

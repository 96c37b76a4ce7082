import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `host[:port]` as compared: lower case, without a default port (schemes are not compared, see below). */
const normalHost = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/** The host of an http(s) URL, or undefined for anything else (the Origin `null` of an opaque origin, too). */
function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? normalHost(parsed.host) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the browser says a write comes from, when it says: `Origin` (every current browser sends it on a POST,
 * PUT, PATCH or DELETE), else `Sec-Fetch-Site`, else the `Referer`. Undefined when none is there: not a browser
 * (curl, an integration, tests), which has no ambient cookies to abuse.
 * @returns the claimed origin's host, `foreign` for a cross- or same-site sibling or an opaque origin.
 */
function claimedHost(request: FastifyRequest): string | 'foreign' | undefined {
  const { origin, referer } = request.headers;
  if (origin !== undefined) return hostOf(origin) ?? 'foreign';
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'foreign';
  if (site !== undefined) return undefined; // same-origin, or none (typed into the address bar)
  if (referer !== undefined) return hostOf(referer) ?? 'foreign';
  return undefined;
}

/**
 * Refuses a state-changing request that a browser sends from another origin: another site's form or script riding
 * on the shopper's cookies (cross-site request forgery), before any route sees it. The cookies are SameSite=Lax
 * already, which keeps them off most cross-site writes; this check is still needed because
 * - a sibling origin on the same site (shop.example and blog.shop.example, or another port of localhost) is
 *   "same-site": Lax cookies go along;
 * - a cross-site form can sign a customer out without any cookie: the reply's Set-Cookie clears it all the same,
 *   and a forged sign-in (into the attacker's account) needs none either;
 * - browsers that predate SameSite send every cookie.
 * Every write, cookie or not, is held to it; requests without Origin, Sec-Fetch-Site or Referer pass. The own
 * origin is the Host the request came to (X-Forwarded-Host behind a trusted proxy, Fastify's `trustProxy`); the
 * scheme is not compared, since TLS usually ends at a proxy in front.
 * @param allowedOrigins further origins that may write (ALLOWED_ORIGINS), e.g. a front end on another host.
 */
export function refuseCrossOriginWrites(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowedHosts = new Set(allowedOrigins.flatMap((origin) => hostOf(origin) ?? []));
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const claimed = claimedHost(request);
    if (claimed === undefined || claimed === normalHost(request.host) || allowedHosts.has(claimed)) return;
    throw new HttpError(
      403,
      'cross_site_request',
      `Refused: this ${request.method} comes from another site (${request.headers.origin ?? request.headers.referer ?? request.headers['sec-fetch-site']}). Use the shop's own pages.`,
    );
  });
}

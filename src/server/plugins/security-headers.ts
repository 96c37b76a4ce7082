import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * What the built client may load (dist/client, served from this origin), checked against the app in the end-to-end
 * tests (test/e2e/browser.ts fails a test on any violation):
 * - scripts and styles are Vite's files, no inline code and no eval; React sets inline styles through the DOM,
 *   which a policy does not govern;
 * - three.js decodes textures from `data:` and `blob:` URLs (and fetches them: connect-src);
 * - the workers (engine, recommender, catalog checks) are Vite-built files of this origin;
 * - nothing may frame the app (clickjacking), forms post only here, no plugins, no <base> elsewhere.
 */
const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Browsers post what the policy refused here, workers' refusals too (routes/csp-reports).
  reportUri: ['/api/csp-reports'],
  // The demo serves plain http on loopback: upgrading its requests to https would break it.
  upgradeInsecureRequests: null,
};

/**
 * Security headers on every reply (pages, files, API answers, 404s): the content security policy above,
 * `X-Content-Type-Options: nosniff`, framing refused (`frame-ancestors 'none'` and `X-Frame-Options: DENY` for older
 * browsers), `Referrer-Policy: strict-origin-when-cross-origin` (other sites learn the origin, never a path with a
 * build in it), and helmet's other defaults. No HSTS: TLS ends at a proxy in front, which alone knows it is there.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  // Built once: @fastify/helmet built helmet's middleware, parsing the policy again, on every request (a twentieth
  // of a small write's CPU in bench:server's profile).
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined));
  });
  // A quote PDF opens in the browser's own viewer, which that policy would block (Chrome runs it as a plugin
  // with inline styles); the PDF holds no script, so only the framing rule stays.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type')).startsWith('application/pdf'))
      reply.header('content-security-policy', "frame-ancestors 'none'");
    return payload;
  });
}

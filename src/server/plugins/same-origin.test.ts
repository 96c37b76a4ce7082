import fc from 'fast-check';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.ts';
import { refuseCrossOriginWrites } from './same-origin.ts';

async function appAllowing(allowedOrigins: readonly string[] = []) {
  const app = Fastify();
  installErrorHandler(app);
  refuseCrossOriginWrites(app, allowedOrigins);
  app.post('/write', async () => 'written');
  app.get('/read', async () => 'read');
  await app.ready();
  return app;
}

/** What the property expects: an http(s) origin naming shop.example on its default port. */
function isOwn(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return ['http:', 'https:'].includes(url.protocol) && url.hostname === 'shop.example' && url.port === '';
}

const printable = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

describe('refusing cross-origin writes', () => {
  it('answers any Origin header with the write or a 403, letting through only the own host', async () => {
    const app = await appAllowing();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          printable,
          fc.webUrl(),
          fc.webUrl().map((u) => new URL(u).origin),
        ),
        async (origin) => {
          const res = await app.inject({
            method: 'POST',
            url: '/write',
            headers: { host: 'shop.example', origin },
          });
          const own = isOwn(origin);
          expect(res.statusCode, origin).toBe(own ? 200 : 403);
          if (!own) expect(res.json().error.code).toBe('cross_site_request');
        },
      ),
    );
  });

  it('lets a page write to the host it came from, whatever the host and port', async () => {
    const app = await appAllowing();
    await fc.assert(
      fc.asyncProperty(
        fc.domain(),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.constantFrom('http', 'https'),
        async (domain, port, scheme) => {
          const host = port === undefined ? domain : `${domain}:${port}`;
          const res = await app.inject({
            method: 'POST',
            url: '/write',
            headers: { host, origin: `${scheme}://${host}` },
          });
          expect(res.statusCode, host).toBe(200);
        },
      ),
    );
  });

  it('lets configured origins write, and never holds reads to it', async () => {
    const app = await appAllowing(['https://kiosk.example']);
    const post = (origin: string) =>
      app.inject({ method: 'POST', url: '/write', headers: { host: 'shop.example', origin } });
    expect((await post('https://kiosk.example')).statusCode).toBe(200);
    expect((await post('https://other.example')).statusCode).toBe(403);
    const read = await app.inject({
      method: 'GET',
      url: '/read',
      headers: { host: 'shop.example', origin: 'https://other.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
  });
});

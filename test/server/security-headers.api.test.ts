import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/core/catalog/index.ts';
import { insertQuote, validBuild } from '../fixtures/quote-rows.ts';
import { testDatabases } from './databases.ts';
import { signUp, useApp } from './harness.ts';

// A stand-in for dist/client: the headers must be there whatever the file.
const client = mkdtempSync(join(tmpdir(), 'client-'));
mkdirSync(join(client, 'assets'));
writeFileSync(join(client, 'index.html'), '<!doctype html><title>Shop</title>');
writeFileSync(join(client, 'assets', 'app-1234.js'), 'export {};');
afterAll(() => rmSync(client, { recursive: true, force: true }));

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain('report-uri /api/csp-reports');
  expect(csp, what).not.toContain('unsafe-eval');
  expect(csp, what).not.toContain('unsafe-inline');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
}

describe.each(testDatabases)('security headers on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, { staticDir: client });

  test('every reply carries them: API answers and errors, pages, files, 404s', async () => {
    const { app } = h();
    const get = (url: string) => app.inject({ method: 'GET', url });
    const replies: [string, LightMyRequestResponse, number][] = [
      ['an API answer', await get('/api/health'), 200],
      ['a refusal of the gate', await get('/api/me'), 401],
      ['an unknown API route', await get('/api/nothing-here'), 404],
      ['the page', await get('/'), 200],
      ["a client route's page", await get('/configure/pc'), 200],
      ['a built file', await get('/assets/app-1234.js'), 200],
      ['a missing file', await get('/assets/missing.js'), 200],
      [
        'a refused cross-site write',
        await app.inject({
          method: 'POST',
          url: '/api/auth/sign-out',
          headers: { origin: 'http://evil.example' },
        }),
        403,
      ],
    ];
    for (const [what, res, status] of replies) {
      expect(res.statusCode, what).toBe(status);
      expectSecurityHeaders(res, what);
    }
  });

  test("a quote PDF keeps only the policy's framing rule, so the browser's viewer can show it", async () => {
    const { app, db, catalogs } = h();
    const anna = await signUp(app);
    const entry = catalogs.get('car');
    if (!entry) throw new Error('the car catalog is missing');
    const car = indexCatalog(entry.catalog);
    const quote = await insertQuote(db, car, { customerId: anna.me.customer.id, build: validBuild(car) });
    const res = await app.inject({
      method: 'GET',
      url: `/api/quotes/${quote.id}/pdf?lang=en`,
      headers: { cookie: anna.jar },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test("takes the browser's violation reports, and refuses what is not one", async () => {
    const { app } = h();
    const report = (payload: string) =>
      app.inject({
        method: 'POST',
        url: '/api/csp-reports',
        headers: { 'content-type': 'application/csp-report' },
        payload,
      });
    const ok = await report(
      JSON.stringify({
        'csp-report': {
          'document-uri': 'http://shop.example/assets/engine.worker.js',
          'effective-directive': 'script-src',
          'blocked-uri': 'eval',
          'original-policy': "default-src 'self'",
        },
      }),
    );
    expect(ok.statusCode).toBe(204);
    expect((await report('{not json')).statusCode).toBe(400);
    expect((await report(JSON.stringify({ 'csp-report': { 'line-number': 'x' } }))).statusCode).toBe(400);
    expect((await report('x'.repeat(20_000))).statusCode).toBe(413);
  });
});

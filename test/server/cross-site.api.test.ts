import { describe, expect, it } from 'vitest';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, signUp, useApp } from './harness.ts';

const SHOP = 'shop.example';
const build = { name: 'Desk PC', catalogId: 'pc', selections: budgetPc };

describe.each(testDatabases)('cross-site requests on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  const saveBuild = (jar: string, headers: Record<string, string>) =>
    h().app.inject({
      method: 'POST',
      url: '/api/builds',
      headers: { host: SHOP, cookie: jar, ...headers },
      payload: build,
    });

  test("another site's script cannot save a build with the customer's cookie; the shop's own page can", async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const forged = await saveBuild(jar, { origin: 'http://evil.example' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toMatchObject({
      code: 'cross_site_request',
      message: expect.stringContaining('http://evil.example'),
    });
    expect(await countRows(db, 'builds')).toBe(0);

    expect((await saveBuild(jar, { origin: `http://${SHOP}` })).statusCode).toBe(201);
    // Not a browser (curl, an integration): nothing claims an origin, nothing to check.
    expect((await saveBuild(jar, {})).statusCode).toBe(201);
    expect(await countRows(db, 'builds')).toBe(2);
  });

  test("a cross-site form cannot sign a customer out, with or without the browser's cookie", async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    for (const cookie of [jar, '']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: {
          host: SHOP,
          cookie,
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: '',
      });
      expect(res.statusCode).toBe(403);
      // Above all no Set-Cookie clearing the session: the browser keeps it.
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { host: SHOP, cookie: jar } });
    expect(me.statusCode).toBe(200);
    // Signing out is a POST only: no link or image can do it.
    const get = await app.inject({ method: 'GET', url: '/api/auth/sign-out', headers: { cookie: jar } });
    expect(get.statusCode).toBe(404);
  });

  test('without an Origin, Sec-Fetch-Site or a Referer from elsewhere is refused; null and sibling origins too', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { referer: 'http://evil.example/page' },
      { referer: 'not a url' },
      { origin: 'null' },
      // Same site, another origin: SameSite=Lax cookies go along, so only the origin tells.
      { origin: `http://blog.${SHOP}` },
      { origin: `http://${SHOP}:8080` },
    ];
    for (const headers of refused)
      expect((await saveBuild(jar, headers)).statusCode, JSON.stringify(headers)).toBe(403);
    const passed: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { referer: `http://${SHOP}/configure/pc` },
      { origin: `https://${SHOP}` },
      { origin: `http://${SHOP.toUpperCase()}` },
    ];
    for (const headers of passed)
      expect((await saveBuild(jar, headers)).statusCode, JSON.stringify(headers)).toBe(201);
    // Reads change nothing and are never refused for their origin.
    const read = await app.inject({
      method: 'GET',
      url: '/api/builds',
      headers: { host: SHOP, cookie: jar, origin: 'http://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe.each(testDatabases)('configured origins on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, { allowedOrigins: ['https://kiosk.example'], trustProxy: true });

  test('an allowed origin writes; behind a trusted proxy the forwarded host is the own one', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/builds',
        headers: { host: '127.0.0.1:3000', cookie: jar, ...headers },
        payload: build,
      });
    expect((await post({ origin: 'https://kiosk.example' })).statusCode).toBe(201);
    expect((await post({ origin: `https://${SHOP}`, 'x-forwarded-host': SHOP })).statusCode).toBe(201);
    expect((await post({ origin: `https://${SHOP}` })).statusCode).toBe(403);
  });
});

describe.each(testDatabases)('an untrusted proxy header on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  test('X-Forwarded-Host counts only behind a trusted proxy', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/builds',
      headers: { host: SHOP, cookie: jar, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
      payload: build,
    });
    expect(res.statusCode).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { DEFAULT_IDLE } from '../../src/server/plugins/auth.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, cookiesFrom, signInStaff, signUp, signUpConfirmed, useApp } from './harness.ts';

const HOUR = 3_600_000;

describe.each(testDatabases)('sessions and guest ids on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, { idle: DEFAULT_IDLE });

  test('a customer session ends after 7 idle days (401, cookie cleared); requests slide it', async () => {
    const { app, clock } = h();
    const { jar } = await signUp(app);
    const me = () => app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar } });
    clock.now = new Date(clock.now.getTime() + 6 * 24 * HOUR);
    expect((await me()).statusCode).toBe(200);
    clock.now = new Date(clock.now.getTime() + 6 * 24 * HOUR);
    expect((await me()).statusCode).toBe(200);
    clock.now = new Date(clock.now.getTime() + 7 * 24 * HOUR);
    const idle = await me();
    expect(idle.statusCode).toBe(401);
    expect(String(idle.headers['set-cookie'])).toMatch(/^sid=;/);
  });

  test('a staff session ends after 12 idle hours', async () => {
    const { app, db, clock } = h();
    const staff = await signInStaff(app, db);
    const me = () => app.inject({ method: 'GET', url: '/api/me', headers: { cookie: staff } });
    clock.now = new Date(clock.now.getTime() + 11 * HOUR);
    expect((await me()).statusCode).toBe(200);
    clock.now = new Date(clock.now.getTime() + 12 * HOUR);
    expect((await me()).statusCode).toBe(401);
  });

  test('sign out everywhere ends the other browser’s session too', async () => {
    const { app } = h();
    const { jar } = await signUp(app, { email: 'two@example.com' });
    const other = cookiesFrom(
      await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'two@example.com', password: 'tall-oak-shelf' },
      }),
    );
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode).toBe(
      200,
    );
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { cookie: jar },
    });
    expect(out.statusCode).toBe(204);
    for (const cookie of [jar, other])
      expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere' })).statusCode).toBe(401);
  });

  test('a guest id the server did not sign reads and writes nothing of that guest', async () => {
    const { app } = h();
    const saved = await app.inject({
      method: 'POST',
      url: '/api/builds',
      payload: { name: 'Mine', catalogId: 'pc', selections: budgetPc },
    });
    const jar = cookiesFrom(saved);
    const signed = /gid=([^;]+)/.exec(jar)?.[1] ?? '';
    const [id = '', mac = ''] = signed.split('.');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const list = (cookie: string) =>
      app.inject({ method: 'GET', url: '/api/builds', headers: { cookie } }).then((r) => r.json());
    expect((await list(jar)).map((b: { name: string }) => b.name)).toEqual(['Mine']);
    const forgedMac = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const forged of [`gid=${id}`, `gid=${id}.${forgedMac}`]) {
      const read = await app.inject({ method: 'GET', url: '/api/builds', headers: { cookie: forged } });
      expect(read.statusCode === 401 || (read.statusCode === 200 && read.json().length === 0), forged).toBe(
        true,
      );
      const write = await app.inject({
        method: 'POST',
        url: '/api/builds',
        headers: { cookie: forged },
        payload: { name: 'Planted', catalogId: 'pc', selections: budgetPc },
      });
      expect(write.statusCode).toBe(201);
      // A new guest id, signed, not the forged one.
      expect(cookiesFrom(write)).not.toContain(id);
    }
    expect((await list(jar)).map((b: { name: string }) => b.name)).toEqual(['Mine']);
  });

  test('behind a trusted proxy, X-Forwarded-Proto https makes cookies Secure and X-Forwarded-For is the address; from anyone else neither counts', async () => {
    const { db, catalogs } = h();
    const proxied = await buildApp({
      db,
      dialect: database.dialect,
      catalogs,
      trustProxy: ['10.1.0.0/16'],
      rateLimits: { addressFailures: 2 },
      mailboxView: true,
    });
    try {
      // The link opened through the same proxy as the form (its reply sets the session cookie).
      const signUpVia = (remoteAddress: string, email: string) =>
        signUpConfirmed(proxied, {
          remoteAddress,
          headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.20' },
          payload: { email, password: 'tall-oak-shelf', name: 'P' },
        });
      expect(String((await signUpVia('10.1.2.3', 'p1@example.com')).headers['set-cookie'])).toMatch(
        /; Secure/,
      );
      expect(String((await signUpVia('192.0.2.8', 'p2@example.com')).headers['set-cookie'])).not.toMatch(
        /Secure/,
      );
      const fail = (remoteAddress: string, client: string) =>
        proxied.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress,
          headers: { 'x-forwarded-for': client },
          payload: { email: `${client}@example.com`, password: 'wrong-one' },
        });
      // Two clients behind the proxy have their own counts; a client claiming an address directly does not.
      for (let i = 0; i < 2; i++) expect((await fail('10.1.2.3', '198.51.100.30')).statusCode).toBe(401);
      expect((await fail('10.1.2.3', '198.51.100.30')).statusCode).toBe(429);
      expect((await fail('10.1.2.3', '198.51.100.31')).statusCode).toBe(401);
      for (let i = 0; i < 2; i++)
        expect((await fail('192.0.2.9', `198.51.100.${40 + i}`)).statusCode).toBe(401);
      expect((await fail('192.0.2.9', '198.51.100.50')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

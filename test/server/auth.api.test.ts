import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { testDatabases } from './databases.ts';
import {
  budgetPc,
  confirmSignUp,
  cookiesFrom,
  countRows,
  mailedLink,
  PC_VERSION,
  signInStaff,
  signUp,
  useApp,
} from './harness.ts';

describe.each(testDatabases)('identification on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  test('sign-up answers 202 and mails a link; opening it creates a user, a customer with a number and a session; /api/me answers for the cookie', async () => {
    const { app, db } = h();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        email: 'New@Example.com',
        password: 'tall-oak-shelf',
        name: 'New',
        phone: '+49 (30) 555-1234',
      },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      status: 'confirm_email',
      email: 'new@example.com',
      mailbox: '/dev/mailbox',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await countRows(db, 'users')).toBe(0);
    const confirmed = await confirmSignUp(app, 'new@example.com');
    expect(confirmed.statusCode).toBe(201);
    const cookie = String(confirmed.headers['set-cookie']);
    expect(cookie).toMatch(/sid=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const jar = cookiesFrom(confirmed);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'new@example.com', role: 'customer' },
      customer: { customerNumber: 'C-000001', phone: '+49 (30) 555-1234' },
      offers: [],
    });
    expect(me.json()).not.toHaveProperty('tier');
    // Only a hash of the token is stored.
    const token = jar.split('sid=')[1] ?? '';
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(rows.map((r) => r.token_hash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test('a second sign-up gets the next customer number; a taken e-mail with its password signs in (201, no new record); with another the answer is the same as for a new e-mail', async () => {
    const { app, db, clock } = h();
    const first = await signUp(app, { email: 'a@example.com' });
    const second = await signUp(app, { email: 'b@example.com' });
    expect(second.me.customer.customerNumber).toBe('C-000002');
    const form = (email: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email, password, name: 'Twin' } });
    // A later moment than a@'s confirmation mail, so the newest mail to a@ is the answer to this form.
    clock.now = new Date(clock.now.getTime() + 60_000);
    const taken = await form('A@example.com', 'another-long-one');
    const fresh = await form('Z@example.com', 'another-long-one');
    expect([taken.statusCode, fresh.statusCode]).toEqual([202, 202]);
    expect({ ...taken.json(), email: '' }).toEqual({ ...fresh.json(), email: '' });
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    // What differs goes to each address's owner.
    expect((await mailedLink(app, 'a@example.com')).pathname).toBe('/sign-in');
    expect((await mailedLink(app, 'z@example.com')).pathname).toBe('/confirm-email');
    const right = await form('A@example.com', 'tall-oak-shelf');
    expect(right.statusCode).toBe(201);
    expect(right.json().customer.id).toBe(first.me.customer.id);
    expect(String(right.headers['set-cookie'])).toMatch(/sid=[\w-]{40,}/);
    expect(await countRows(db, 'customers')).toBe(2);
  });

  test('sign-in with a wrong password is a 401 naming neither which part was wrong', async () => {
    const { app } = h();
    await signUp(app, { email: 'c@example.com' });
    for (const email of ['c@example.com', 'nobody@example.com']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: 'wrongpass' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'invalid_credentials', message: 'Wrong e-mail or password.' });
    }
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'C@example.com', password: 'tall-oak-shelf' },
    });
    expect(ok.statusCode).toBe(200);
  });

  test('sign-out ends the session; an expired session is refused', async () => {
    const { app, clock } = h();
    const { jar } = await signUp(app);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: jar } })).statusCode,
    ).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');

    const second = await signUp(app);
    clock.now = new Date(clock.now.getTime() + 31 * 86_400_000);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: second.jar } })).statusCode,
    ).toBe(401);
  });

  test('roles: customers cannot use staff routes, staff can', async () => {
    const { app, db } = h();
    const { jar, me } = await signUp(app, { email: 'dana@example.com', phone: '+49 30 1234567' });
    const asCustomer = await app.inject({
      method: 'GET',
      url: '/api/customers?q=dana',
      headers: { cookie: jar },
    });
    expect(asCustomer.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/customers?q=dana' })).statusCode).toBe(401);
    const catalogJar = await signInStaff(app, db, 'catalog');
    expect(
      (await app.inject({ method: 'GET', url: '/api/customers?q=dana', headers: { cookie: catalogJar } }))
        .statusCode,
    ).toBe(403);

    const staff = await signInStaff(app, db);
    for (const q of [
      'DANA@example.com',
      '49301234567',
      '030 1234567'.replace('030', '+49 30'),
      me.customer.customerNumber,
    ]) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/customers?q=${encodeURIComponent(q)}`,
        headers: { cookie: staff },
      });
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json().map((c: { id: string }) => c.id),
        q,
      ).toEqual([me.customer.id]);
    }
  });

  test('a guest’s builds and events merge into the account on sign-up, in the timeline and preferences', async () => {
    const { app, db } = h();
    const chose = await app.inject({
      method: 'POST',
      url: '/api/interactions',
      payload: {
        events: [
          {
            kind: 'config.chose',
            catalogId: 'pc',
            catalogVersion: PC_VERSION,
            slotId: 'gpu',
            optionId: 'gpu-nvidia-rtx5070-fe',
          },
        ],
      },
    });
    expect(chose.statusCode).toBe(201);
    let guest = cookiesFrom(chose);
    expect(guest).toMatch(/^gid=/);
    const saved = await app.inject({
      method: 'POST',
      url: '/api/builds',
      headers: { cookie: guest },
      payload: { name: 'Guest build', catalogId: 'pc', selections: budgetPc },
    });
    expect(saved.statusCode).toBe(201);
    guest = cookiesFrom(saved, guest);
    expect(await countRows(db, 'guest_interactions')).toBe(2);

    const { jar, me } = await signUp(app, {}, guest);
    expect(me.merged).toEqual({ builds: 1, interactions: 2 });
    expect(jar).not.toMatch(/gid=/);
    expect(await countRows(db, 'guest_interactions')).toBe(0);
    const builds = await app.inject({ method: 'GET', url: '/api/builds', headers: { cookie: jar } });
    expect(builds.json().map((b: { name: string }) => b.name)).toEqual(['Guest build']);
    const timeline = await app.inject({ method: 'GET', url: '/api/me/timeline', headers: { cookie: jar } });
    expect(
      timeline
        .json()
        .items.map((i: { kind: string }) => i.kind)
        .sort(),
    ).toEqual(['build.saved', 'config.chose', 'customer.registered']);
    const prefs = await app.inject({ method: 'GET', url: '/api/me/preferences', headers: { cookie: jar } });
    expect(prefs.json().preferences.map((p: { key: string }) => p.key)).toContain('pc/attr/gpuBrand/NVIDIA');
  });

  test('COOKIE_SECURE makes the cookies Secure', async () => {
    const { app } = h();
    await app.close();
    const { buildApp } = await import('../../src/server/app.ts');
    const secure = await buildApp({
      db: h().db,
      dialect: database.dialect,
      catalogs: h().catalogs,
      cookieSecure: true,
      mailboxView: true,
    });
    try {
      const res = await secure.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: 's@example.com', password: 'tall-oak-shelf', name: 'S' },
      });
      expect(res.statusCode).toBe(202);
      const confirmed = await confirmSignUp(secure, 's@example.com');
      expect(String(confirmed.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

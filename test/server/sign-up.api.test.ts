import { describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { buildApp } from '../../src/server/app.ts';
import { insertUser } from '../../src/server/store/users.repository.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, confirmSignUp, cookiesFrom, countRows, mailedLink, signUp, useApp } from './harness.ts';

const RELAY_TOKEN = 'mail-relay-token-0123456789abcdef';

describe.each(testDatabases)('sign-up confirmed by e-mail on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, { integrations: [{ name: 'mailer', tokenHash: hashToken(RELAY_TOKEN) }] });
  const form = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h().app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers,
      payload: { password: 'tall-oak-shelf', name: 'Noor', ...payload },
    });

  test('a link works once; a second sign-up of the address is spent with the first', async () => {
    const { app, db, clock } = h();
    expect((await form({ email: 'noor@example.com' })).statusCode).toBe(202);
    const first = await mailedLink(app, 'noor@example.com');
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect((await form({ email: 'noor@example.com' })).statusCode).toBe(202);
    const second = await mailedLink(app, 'noor@example.com');
    expect(second.searchParams.get('token')).not.toBe(first.searchParams.get('token'));
    const open = (link: URL) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/confirm',
        payload: { token: link.searchParams.get('token') },
      });
    expect((await open(second)).statusCode).toBe(201);
    for (const link of [second, first]) {
      const again = await open(link);
      expect(again.statusCode).toBe(400);
      expect(again.json().error.code).toBe('confirm_link_invalid');
    }
    expect(await countRows(db, 'users')).toBe(1);
    expect(await countRows(db, 'sign_up_requests')).toBe(0);
  });

  test('a link older than 24 hours creates nothing', async () => {
    const { app, db, clock } = h();
    await form({ email: 'late@example.com' });
    clock.now = new Date(clock.now.getTime() + 24 * 3_600_000 + 1);
    const res = await confirmSignUp(app, 'late@example.com');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('confirm_link_invalid');
    expect(await countRows(db, 'users')).toBe(0);
  });

  test('the form stores no password and no token in clear; a bad token is a 400 naming body.token', async () => {
    const { app, db } = h();
    await form({ email: 'clear@example.com' });
    const token = (await mailedLink(app, 'clear@example.com')).searchParams.get('token') ?? '';
    const rows = JSON.stringify(await db.selectFrom('sign_up_requests').selectAll().execute());
    expect(rows).not.toContain('tall-oak-shelf');
    expect(rows).not.toContain(token);
    const bad = await app.inject({ method: 'POST', url: '/api/auth/confirm', payload: { token: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.token');
  });

  test('the guest work of the browser that signed up joins the account, though the link is opened in another', async () => {
    const { app } = h();
    const saved = await app.inject({
      method: 'POST',
      url: '/api/builds',
      payload: { name: 'Guest build', catalogId: 'pc', selections: budgetPc },
    });
    expect(saved.statusCode).toBe(201);
    const guest = cookiesFrom(saved);
    expect((await form({ email: 'two@example.com' }, { cookie: guest })).statusCode).toBe(202);
    const phone = await confirmSignUp(app, 'two@example.com');
    expect(phone.statusCode).toBe(201);
    expect(phone.json().merged).toEqual({ builds: 1, interactions: 1 });
    const builds = await app.inject({
      method: 'GET',
      url: '/api/builds',
      headers: { cookie: cookiesFrom(phone) },
    });
    expect(builds.json().map((b: { name: string }) => b.name)).toEqual(['Guest build']);
  });

  test('an address that got an account meanwhile is a 409 at the link; an unknown claim code is a 400 at the form', async () => {
    const { app } = h();
    await form({ email: 'race@example.com' });
    const stale = await mailedLink(app, 'race@example.com');
    // The address got its account another way meanwhile (staff, or another instance's link).
    await insertUser(h().db, {
      email: 'race@example.com',
      name: 'Race',
      role: 'customer',
      password_hash: null,
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/confirm',
      payload: { token: stale.searchParams.get('token') },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    const code = await form({ email: 'walkin@example.com', claimCode: 'K7QM-2XPD-R4TA' });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.issues[0].path).toBe('body.claimCode');
  });

  test("the link keeps the page's language and where to go next; a next outside the site is refused", async () => {
    const { app } = h();
    await form({ email: 'de@example.com', language: 'de', next: '/configure/pc?x=1' });
    const [mail] = (await app.inject({ method: 'GET', url: '/api/dev/mailbox?to=de@example.com' })).json()
      .mails;
    expect(mail.subject).toMatch(/Bestätigen/);
    expect(mail.body).toContain(mail.link);
    expect(new URL(mail.link).searchParams.get('next')).toBe('/configure/pc?x=1');
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const res = await form({ email: 'de@example.com', next });
      expect(res.statusCode, next).toBe(400);
      expect(res.json().error.issues[0].path, next).toBe('body.next');
    }
  });

  test('a host the requester chose never reaches a mailed link: without PUBLIC_ORIGIN only loopback is believed', async () => {
    const { db } = h();
    const res = await form({ email: 'host@example.com' }, { host: 'evil.example' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('mail_origin_unset');
    expect(await countRows(db, 'outbox_mails')).toBe(0);
    vi.stubEnv('PUBLIC_ORIGIN', 'https://shop.example');
    const configured = await buildApp({
      db,
      dialect: database.dialect,
      catalogs: h().catalogs,
      mailboxView: true,
    });
    try {
      const ok = await configured.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
        payload: { email: 'host@example.com', password: 'tall-oak-shelf', name: 'Host' },
      });
      expect(ok.statusCode).toBe(202);
      expect((await mailedLink(configured, 'host@example.com')).origin).toBe('https://shop.example');
    } finally {
      vi.unstubAllEnvs();
      await configured.close();
    }
  });

  test('the mail relay takes unsent mails with its token and marks them sent; nobody else may', async () => {
    const { app, db } = h();
    await form({ email: 'relay@example.com' });
    const relay = { authorization: `Bearer ${RELAY_TOKEN}` };
    expect((await app.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(401);
    const customer = await signUp(app, { email: 'nosy@example.com' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: customer.jar } })).statusCode,
    ).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/outbox', headers: relay });
    expect(list.statusCode).toBe(200);
    const mails: { id: string; to: string }[] = list.json().mails;
    expect(mails.map((m) => m.to).sort()).toEqual(['nosy@example.com', 'relay@example.com']);
    for (const mail of mails) {
      const sent = await app.inject({ method: 'POST', url: `/api/outbox/${mail.id}/sent`, headers: relay });
      expect(sent.statusCode).toBe(204);
    }
    expect((await app.inject({ method: 'GET', url: '/api/outbox', headers: relay })).json().mails).toEqual(
      [],
    );
    expect(await countRows(db, 'outbox_mails')).toBe(2);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/outbox/00000000-0000-4000-8000-000000000000/sent',
      headers: relay,
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('without MAILBOX_VIEW there is no mailbox, and the form does not point to one', async () => {
    const { db } = h();
    const closed = await buildApp({ db, dialect: database.dialect, catalogs: h().catalogs });
    try {
      expect((await closed.inject({ method: 'GET', url: '/api/dev/mailbox' })).statusCode).toBe(404);
      const res = await closed.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: 'quiet@example.com', password: 'tall-oak-shelf', name: 'Q' },
      });
      expect(res.json().mailbox).toBeNull();
    } finally {
      await closed.close();
    }
  });

  test('a birthday counts as given when the form was sent, not when the link was opened', async () => {
    const { app, db, clock } = h();
    const sent = clock.now.toISOString();
    await form({ email: 'bday@example.com', birthday: '1990-03-04' });
    clock.now = new Date(clock.now.getTime() + 3_600_000);
    expect((await confirmSignUp(app, 'bday@example.com')).statusCode).toBe(201);
    const row = await db
      .selectFrom('customers')
      .select(['birthday', 'birthday_set_at'])
      .where('email', '=', 'bday@example.com')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ birthday: '1990-03-04', birthday_set_at: sent });
  });
});

import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { testDatabases } from './databases.ts';
import { budgetPc, cookiesFrom, signUp, useApp } from './harness.ts';

const signIn = (app: FastifyInstance, email: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { email, password } });

describe.each(testDatabases)('sign-in limits on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, {
    rateLimits: {
      accountFailures: 3,
      addressFailures: 5,
      failureWindowMs: 15 * 60_000,
      guestWritesPerMinute: 4,
    },
  });

  test('3 failures lock the e-mail (429, Retry-After), the right password too; it unlocks after the window and a success forgives', async () => {
    const { app, clock } = h();
    await signUp(app, { email: 'kim@example.com' });
    for (let i = 0; i < 3; i++)
      expect((await signIn(app, 'kim@example.com', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await signIn(app, 'kim@example.com', 'tall-oak-shelf');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/try again in 15 minutes/);
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    // An unknown address locks the same way: a lockout does not tell who has an account.
    for (let i = 0; i < 2; i++) await signIn(app, 'nobody@example.com', `wrong-${i}`, '10.0.0.2');
    for (let i = 0; i < 1; i++) await signIn(app, 'nobody@example.com', `wrong-${i}`, '10.0.0.3');
    expect((await signIn(app, 'nobody@example.com', 'x', '10.0.0.4')).statusCode).toBe(429);

    clock.now = new Date(clock.now.getTime() + 14 * 60_000);
    expect((await signIn(app, 'kim@example.com', 'tall-oak-shelf')).statusCode).toBe(429);
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect((await signIn(app, 'kim@example.com', 'tall-oak-shelf')).statusCode).toBe(200);
    // The success forgave the run: two more failures do not lock.
    for (let i = 0; i < 2; i++)
      expect((await signIn(app, 'kim@example.com', 'nope-nope')).statusCode).toBe(401);
    expect((await signIn(app, 'kim@example.com', 'tall-oak-shelf', '10.0.0.9')).statusCode).toBe(200);
  });

  test('another account from the same address still signs in until the address has 5 failures', async () => {
    const { app } = h();
    await signUp(app, { email: 'ann@example.com' });
    await signUp(app, { email: 'bo@example.com' });
    for (let i = 0; i < 3; i++) await signIn(app, 'ann@example.com', `wrong-${i}`, '203.0.113.7');
    expect((await signIn(app, 'ann@example.com', 'tall-oak-shelf', '203.0.113.7')).statusCode).toBe(429);
    expect((await signIn(app, 'bo@example.com', 'tall-oak-shelf', '203.0.113.7')).statusCode).toBe(200);
    for (let i = 0; i < 2; i++)
      expect((await signIn(app, 'bo@example.com', `wrong-${i}`, '203.0.113.7')).statusCode).toBe(401);
    const refused = await signIn(app, 'bo@example.com', 'tall-oak-shelf', '203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/from your network/);
    expect((await signIn(app, 'bo@example.com', 'tall-oak-shelf', '203.0.113.8')).statusCode).toBe(200);
  });

  test('a sign-up with a taken e-mail and a wrong password counts as a failed sign-in; one with a new e-mail counts the same, so the lockout tells nothing', async () => {
    const { app } = h();
    await signUp(app, { email: 'lee@example.com' });
    const form = (email: string, i: number, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        remoteAddress,
        payload: { email, password: `guess-number-${i}`, name: 'Lee' },
      });
    for (const [email, remoteAddress] of [
      ['lee@example.com', '198.51.100.20'],
      ['newcomer@example.com', '198.51.100.21'],
    ] as const) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await form(email, i, remoteAddress)).statusCode);
      expect(answers, email).toEqual([202, 202, 202, 429]);
    }
    expect((await signIn(app, 'lee@example.com', 'tall-oak-shelf')).statusCode).toBe(429);
  });

  test('common passwords, and the e-mail as password, are refused under the password field', async () => {
    const { app } = h();
    for (const password of ['12345678', 'password', 'Password1', 'iloveyou', 'jo@example.com', 'JO']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: {
          email: 'jo@example.com',
          password: password.padEnd(password === 'JO' ? 0 : 8),
          name: 'Jo',
        },
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.issues[0].path, password).toBe('body.password');
    }
    expect((await signUp(app, { email: 'jo@example.com' })).me.customer.id).toBeTruthy();
  });

  test('guests get 4 writes a minute per address; signed-in customers are not limited by it', async () => {
    const { app } = h();
    const save = (cookie: string, remoteAddress = '198.51.100.4') =>
      app.inject({
        method: 'POST',
        url: '/api/builds',
        remoteAddress,
        headers: cookie ? { cookie } : {},
        payload: { name: 'Build', catalogId: 'pc', selections: budgetPc },
      });
    let guest = '';
    for (let i = 0; i < 4; i++) {
      const res = await save(guest);
      expect(res.statusCode).toBe(201);
      guest = cookiesFrom(res, guest);
    }
    const refused = await save(guest);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another guest on the same address is the same address; reads go on.
    expect((await save('')).statusCode).toBe(429);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/builds',
          remoteAddress: '198.51.100.4',
          headers: { cookie: guest },
        })
      ).statusCode,
    ).toBe(200);
    expect((await save('', '198.51.100.5')).statusCode).toBe(201);
    const { jar } = await signUp(app);
    for (let i = 0; i < 6; i++) expect((await save(jar)).statusCode).toBe(201);
  });
});

import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { PersistedSession } from '../../src/contract/session.schema.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, cookiesFrom, countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

/** A session part-way through the budget build: three steps of history behind it, one undone step ahead. */
function envelope(overrides: Partial<PersistedSession['snapshot']['context']> = {}): PersistedSession {
  return {
    format: 1,
    catalogId: 'pc',
    catalogVersion: PC_VERSION,
    snapshot: {
      status: 'active',
      value: 'editing',
      context: {
        choices: { case: budgetPc.case ?? {}, cpu: budgetPc.cpu ?? {}, memory: budgetPc.memory ?? {} },
        past: [
          {},
          { case: budgetPc.case ?? {} },
          { case: budgetPc.case ?? {}, cpu: budgetPc.cpu ?? {} },
          { case: budgetPc.case ?? {}, cpu: { 'cpu-ryzen7-8700g': 1 } },
        ],
        future: [{ ...budgetPc }],
        step: 'memory',
        ...overrides,
      },
    },
  };
}

const get = (app: FastifyInstance, jar: string, catalogId = 'pc') =>
  app.inject({ method: 'GET', url: `/api/sessions/${catalogId}`, headers: jar ? { cookie: jar } : {} });
/** A save over `baseRevision`; over the stored revision when none is given (a browser that is up to date). */
const put = async (
  app: FastifyInstance,
  jar: string,
  session: unknown,
  catalogId = 'pc',
  baseRevision?: number,
) =>
  app.inject({
    method: 'PUT',
    url: `/api/sessions/${catalogId}`,
    headers: jar ? { cookie: jar } : {},
    payload: {
      session,
      baseRevision:
        baseRevision ?? (await get(app, jar, catalogId)).json<{ revision?: number }>().revision ?? 0,
    },
  });
const none = { session: null, updatedAt: null, revision: 0, updatedBy: null };
const del = (app: FastifyInstance, jar: string, catalogId = 'pc') =>
  app.inject({ method: 'DELETE', url: `/api/sessions/${catalogId}`, headers: jar ? { cookie: jar } : {} });

describe.each(testDatabases)('configuration sessions on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  test('a guest’s session round-trips exactly with when it was saved; a second save replaces it', async () => {
    const { app, db, clock } = h();
    const nobody = await get(app, '');
    expect(nobody.json()).toEqual(none);
    // Reading gives a browser no guest id; only saving does.
    expect(nobody.headers['set-cookie']).toBeUndefined();

    const first = envelope();
    const saved = await put(app, '', first);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ revision: 1, updatedAt: clock.now.toISOString() });
    const jar = cookiesFrom(saved);
    expect(jar).not.toBe('');
    const read = await get(app, jar);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      session: first,
      updatedAt: clock.now.toISOString(),
      revision: 1,
      updatedBy: { channel: 'web' },
    });

    clock.now = new Date('2026-11-20T12:05:00.000Z');
    const second = envelope({ choices: { ...budgetPc }, past: [], future: [], step: 'review' });
    second.snapshot.value = 'saving';
    expect((await put(app, jar, second)).statusCode).toBe(200);
    expect((await get(app, jar)).json()).toEqual({
      session: second,
      updatedAt: '2026-11-20T12:05:00.000Z',
      revision: 2,
      updatedBy: { channel: 'web' },
    });
    expect(await countRows(db, 'config_sessions')).toBe(1);
  });

  test('each customer and each guest sees only their own session', async () => {
    const { app, db } = h();
    const a = await signUp(app);
    const b = await signUp(app);
    const guest = cookiesFrom(await put(app, '', envelope({ step: 'guest' })));
    expect((await put(app, a.jar, envelope({ step: 'a' }))).statusCode).toBe(200);

    expect((await get(app, b.jar)).json()).toEqual(none);
    expect((await put(app, b.jar, envelope({ step: 'b' }))).statusCode).toBe(200);
    const stepOf = async (jar: string) =>
      (await get(app, jar)).json<{ session: PersistedSession }>().session.snapshot.context.step;
    expect(await stepOf(a.jar)).toBe('a');
    expect(await stepOf(b.jar)).toBe('b');
    expect(await stepOf(guest)).toBe('guest');
    // A customer's delete touches only their own.
    expect((await del(app, b.jar)).statusCode).toBe(204);
    expect(await stepOf(a.jar)).toBe('a');
    expect(await stepOf(guest)).toBe('guest');
    expect(await countRows(db, 'config_sessions')).toBe(2);
  });

  test('what the browser sends is checked: path named, nothing stored or replaced', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const good = envelope();
    expect((await put(app, jar, good)).statusCode).toBe(200);

    const past = [...good.snapshot.context.past];
    past[3] = { ...past[3], cpu: { 'cpu-nope': 1 } };
    const unknownOption = await put(app, jar, envelope({ past }));
    expect(unknownOption.statusCode).toBe(422);
    expect(unknownOption.json().error).toMatchObject({
      code: 'invalid_session',
      issues: [{ path: 'body.session.snapshot.context.past[3].cpu.cpu-nope', message: expect.any(String) }],
    });

    const unknownSlot = await put(app, jar, envelope({ future: [{ turbo: { 'x-1': 1 } }] }));
    expect(unknownSlot.statusCode).toBe(422);
    expect(unknownSlot.json().error.issues).toEqual([
      { path: 'body.session.snapshot.context.future[0].turbo', message: expect.any(String) },
    ]);

    const otherCatalog = await put(app, jar, { ...good, catalogId: 'car' });
    expect(otherCatalog.statusCode).toBe(422);
    expect(otherCatalog.json().error.issues).toEqual([
      { path: 'body.session.catalogId', message: expect.any(String) },
    ]);

    const unknownVersion = await put(app, jar, { ...good, catalogVersion: '0.0.0-never' });
    expect(unknownVersion.statusCode).toBe(404);
    expect(unknownVersion.json().error.code).toBe('catalog_version_not_found');

    const { step: _step, ...noStep } = good.snapshot.context;
    const malformed = await put(app, jar, {
      ...good,
      format: 2,
      snapshot: { ...good.snapshot, context: noStep },
    });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['body.session.format', 'body.session.snapshot.context.step']);

    const tooMuchHistory = await put(app, jar, envelope({ past: Array.from({ length: 101 }, () => ({})) }));
    expect(tooMuchHistory.statusCode).toBe(400);
    expect(tooMuchHistory.json().error.issues[0].path).toBe('body.session.snapshot.context.past');

    expect((await get(app, jar)).json().session).toEqual(good);
    expect(await countRows(db, 'config_sessions')).toBe(1);
  });

  test('a refused guest save gives nothing, not even a row without an owner', async () => {
    const { app, db } = h();
    const res = await put(app, '', envelope({ choices: { cpu: { 'cpu-nope': 1 } } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues[0].path).toBe('body.session.snapshot.context.choices.cpu.cpu-nope');
    expect(await countRows(db, 'config_sessions')).toBe(0);
  });

  test('staff get 403 for reading, saving and deleting, before the body is looked at', async () => {
    const { app, db } = h();
    for (const role of ['sales', 'catalog'] as const) {
      const jar = await signInStaff(app, db, role);
      for (const res of [
        await get(app, jar),
        await put(app, jar, envelope()),
        await put(app, jar, { malformed: true }),
        await del(app, jar),
      ]) {
        expect(res.statusCode, role).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await countRows(db, 'config_sessions')).toBe(0);
  });

  test('signing up adopts the guest’s session', async () => {
    const { app, db } = h();
    const guest = cookiesFrom(await put(app, '', envelope({ step: 'as guest' })));
    const { jar } = await signUp(app, {}, guest);
    const res = (await get(app, jar)).json();
    expect(res.session.snapshot.context.step).toBe('as guest');
    expect(res.updatedAt).toBe('2026-11-20T12:00:00.000Z');
    expect(await countRows(db, 'config_sessions')).toBe(1);
  });

  test('signing in keeps the newer of the guest’s and the customer’s session', async () => {
    const { app, db, clock } = h();
    const signIn = async (email: string, jar: string) =>
      cookiesFrom(
        await app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { cookie: jar },
          payload: { email, password: 'tall-oak-shelf' },
        }),
        jar,
      );
    const stepOf = async (jar: string) =>
      (await get(app, jar)).json<{ session: PersistedSession }>().session.snapshot.context.step;

    // The guest's is newer: it replaces the customer's.
    const email = 'newer@example.com';
    const customer = await signUp(app, { email });
    await put(app, customer.jar, envelope({ step: 'on the laptop' }));
    clock.now = new Date('2026-11-20T13:00:00.000Z');
    const guest = cookiesFrom(await put(app, '', envelope({ step: 'on the phone' })));
    const signedIn = await signIn(email, guest);
    expect(await stepOf(signedIn)).toBe('on the phone');
    expect((await get(app, signedIn)).json().updatedAt).toBe('2026-11-20T13:00:00.000Z');
    expect(await countRows(db, 'config_sessions')).toBe(1);

    // The customer's is newer: the guest's is dropped.
    const older = cookiesFrom(await put(app, '', envelope({ step: 'stale tab' })));
    clock.now = new Date('2026-11-20T14:00:00.000Z');
    await put(app, signedIn, envelope({ step: 'latest' }));
    const again = await signIn(email, older);
    expect(await stepOf(again)).toBe('latest');
    expect(await countRows(db, 'config_sessions')).toBe(1);
  });

  test('two saves from the same revision: one is stored, the other gets 409 with it and overwrites nothing', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    expect((await put(app, jar, envelope({ step: 'first' }), 'pc', 0)).statusCode).toBe(200);
    // Two devices both loaded revision 1 and save at once; the conditional update lets exactly one win.
    const [a, b] = await Promise.all([
      put(app, jar, envelope({ step: 'laptop' }), 'pc', 1),
      put(app, jar, envelope({ step: 'phone' }), 'pc', 1),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const stored = (await get(app, jar)).json();
    expect(stored.revision).toBe(2);
    expect(lost.json()).toEqual({
      error: { code: 'session_conflict', message: expect.any(String) },
      current: stored,
    });
    expect(stored.session.snapshot.context.step).toBe(won === a ? 'laptop' : 'phone');
    // A first save when one is stored already is refused too, and a stale base from before it.
    expect((await put(app, jar, envelope({ step: 'new tab' }), 'pc', 0)).statusCode).toBe(409);
    expect((await put(app, jar, envelope({ step: 'old tab' }), 'pc', 1)).statusCode).toBe(409);
    expect((await get(app, jar)).json()).toEqual(stored);
    expect(await countRows(db, 'config_sessions')).toBe(1);
  });

  test('a save without baseRevision is refused, naming the path', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/sessions/pc',
      headers: { cookie: jar },
      payload: { session: envelope() },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('body.baseRevision');
  });

  test('DELETE removes the session; deleting none is fine too', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    await put(app, jar, envelope());
    expect((await del(app, jar)).statusCode).toBe(204);
    expect((await get(app, jar)).json()).toEqual(none);
    expect(await countRows(db, 'config_sessions')).toBe(0);
    expect((await del(app, jar)).statusCode).toBe(204);
    const nobody = await del(app, '');
    expect(nobody.statusCode).toBe(204);
    expect(nobody.headers['set-cookie']).toBeUndefined();
  });
});

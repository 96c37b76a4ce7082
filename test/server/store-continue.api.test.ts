import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ownTimelineResponseSchema } from '../../src/contract/interactions.schema.ts';
import { sessionResponseSchema, type PersistedSession } from '../../src/contract/session.schema.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import type { Database } from '../../src/server/store/database.ts';
import { insertUser } from '../../src/server/store/users.repository.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, cookiesFrom, countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

let counter = 0;
async function signInAs(
  app: FastifyInstance,
  db: Kysely<Database>,
  name: string,
  role: 'sales' | 'store_manager',
) {
  const email = `continue-${role}${++counter}@example.com`;
  await insertUser(db, { email, name, role, password_hash: await hashPassword('staffpass1') });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: 'staffpass1' },
  });
  return cookiesFrom(res);
}

/** Anna's build half-way: case and CPU chosen, two steps of undo history behind it. */
function envelope(step = 'memory', choices: PersistedSession['snapshot']['context']['choices'] = {}) {
  return {
    format: 1 as const,
    catalogId: 'pc',
    catalogVersion: PC_VERSION,
    snapshot: {
      status: 'active' as const,
      value: 'editing' as const,
      context: {
        choices: { case: budgetPc.case ?? {}, cpu: budgetPc.cpu ?? {}, ...choices },
        past: [{}, { case: budgetPc.case ?? {} }],
        future: [],
        step,
      },
    },
  };
}

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';

describe.each(testDatabases)('continuing a customer’s session in the store on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  async function cast() {
    const { app, db } = h();
    const anna = await signUp(app, { email: 'anna@example.com' });
    const ben = await signUp(app, { email: 'ben@example.com' });
    const jars: Record<Role, string> = {
      guest: '',
      customer: anna.jar,
      'another customer': ben.jar,
      sales: await signInAs(app, db, 'Sam Berger', 'sales'),
      store_manager: await signInAs(app, db, 'Mia Novak', 'store_manager'),
      catalog: await signInStaff(app, db, 'catalog'),
    };
    return { id: anna.me.customer.id, jars };
  }
  const call = (jar: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
    h().app.inject({ method, url, headers: jar ? { cookie: jar } : {}, ...(payload ? { payload } : {}) });
  const own = (jar: string) => call(jar, 'GET', '/api/sessions/pc');
  const staffUrl = (id: string) => `/api/store/customers/${id}/sessions/pc`;

  test('GET and PUT × role: guest 401, customers and catalog 403 with nothing stored, staff allowed; 404 for no customer', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    expect(
      (await call(jars.customer, 'PUT', '/api/sessions/pc', { session: envelope(), baseRevision: 0 }))
        .statusCode,
    ).toBe(200);
    const expected: Record<Role, number> = {
      guest: 401,
      customer: 403,
      'another customer': 403,
      sales: 200,
      store_manager: 200,
      catalog: 403,
    };
    for (const role of Object.keys(expected) as Role[]) {
      const read = await call(jars[role], 'GET', staffUrl(id));
      expect(read.statusCode, `GET ${role}`).toBe(expected[role]);
      const revision = (await own(jars.customer)).json<{ revision: number }>().revision;
      const before = await countRows(db, 'interactions');
      const write = await call(jars[role], 'PUT', staffUrl(id), {
        session: envelope(role),
        baseRevision: revision,
      });
      expect(write.statusCode, `PUT ${role}`).toBe(expected[role]);
      if (expected[role] !== 200) {
        expect((await own(jars.customer)).json().revision, role).toBe(revision);
        expect(await countRows(db, 'interactions'), role).toBe(before);
      }
    }
    for (const method of ['GET', 'PUT'] as const) {
      const missing = await call(
        jars.sales,
        method,
        staffUrl('no-such-customer'),
        method === 'PUT' ? { session: envelope(), baseRevision: 0 } : undefined,
      );
      expect(missing.statusCode, method).toBe(404);
      expect(missing.json().error.code).toBe('customer_not_found');
    }
  });

  test('staff read the customer’s session exactly (undo history included); a staff save is what the customer reads next, naming who saved it', async () => {
    const { id, jars } = await cast();
    const left = envelope();
    await call(jars.customer, 'PUT', '/api/sessions/pc', { session: left, baseRevision: 0 });
    const read = sessionResponseSchema.parse((await call(jars.sales, 'GET', staffUrl(id))).json());
    expect(read).toMatchObject({ session: left, revision: 1, updatedBy: { channel: 'web' } });

    const changed = envelope('storage', { memory: budgetPc.memory ?? {} });
    const saved = await call(jars.sales, 'PUT', staffUrl(id), { session: changed, baseRevision: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().revision).toBe(2);
    const theirs = (await own(jars.customer)).json();
    expect(theirs).toMatchObject({
      session: changed,
      revision: 2,
      updatedBy: { channel: 'store', name: 'Sam', role: 'sales' },
    });
    expect(JSON.stringify(theirs)).not.toMatch(/user_?id|Berger/i);
    // Another customer's session is untouched and unseen.
    expect((await own(jars['another customer'])).json().session).toBeNull();
  });

  test('two saves from the same revision (the store and the customer’s phone): one 409, nothing lost', async () => {
    const { id, jars } = await cast();
    await call(jars.customer, 'PUT', '/api/sessions/pc', { session: envelope(), baseRevision: 0 });
    const [store, phone] = await Promise.all([
      call(jars.sales, 'PUT', staffUrl(id), { session: envelope('from the store'), baseRevision: 1 }),
      call(jars.customer, 'PUT', '/api/sessions/pc', {
        session: envelope('from the phone'),
        baseRevision: 1,
      }),
    ]);
    expect([store.statusCode, phone.statusCode].sort()).toEqual([200, 409]);
    const lost = store.statusCode === 409 ? store : phone;
    const stored = (await own(jars.customer)).json();
    expect(stored.revision).toBe(2);
    expect(stored.session.snapshot.context.step).toBe(
      store.statusCode === 200 ? 'from the store' : 'from the phone',
    );
    // The refused side is given what is stored, to reload or keep both.
    expect(lost.json()).toEqual({
      error: { code: 'session_conflict', message: expect.any(String) },
      current: stored,
    });
    // A late save from the stale base is refused too; the winner's stays.
    expect(
      (await call(jars.sales, 'PUT', staffUrl(id), { session: envelope('late'), baseRevision: 1 }))
        .statusCode,
    ).toBe(409);
    expect((await own(jars.customer)).json()).toEqual(stored);
  });

  test('a session of another catalog or with unknown options is refused with the path named', async () => {
    const { id, jars } = await cast();
    const bad = envelope('memory', { cpu: { 'cpu-nope': 1 } });
    const res = await call(jars.sales, 'PUT', staffUrl(id), { session: bad, baseRevision: 0 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.issues[0].path).toBe('body.session.snapshot.context.choices.cpu.cpu-nope');
    const noBase = await call(jars.sales, 'PUT', staffUrl(id), { session: envelope() });
    expect(noBase.statusCode).toBe(400);
    expect(noBase.json().error.issues[0].path).toBe('body.baseRevision');
  });

  test('opening the session is logged with channel store and the staff member as actor; the customer reads it in words', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    // Nothing to open, nothing logged.
    const before = await countRows(db, 'interactions');
    await call(jars.sales, 'GET', staffUrl(id));
    expect(await countRows(db, 'interactions')).toBe(before);
    await call(jars.customer, 'PUT', '/api/sessions/pc', { session: envelope(), baseRevision: 0 });
    await call(jars.sales, 'GET', staffUrl(id));
    const row = await db
      .selectFrom('interactions')
      .innerJoin('users', 'users.id', 'interactions.actor_user_id')
      .select(['interactions.channel', 'interactions.kind', 'users.name', 'interactions.catalog_id'])
      .where('interactions.customer_id', '=', id)
      .where('interactions.channel', '=', 'store')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      channel: 'store',
      kind: 'store.session_opened',
      name: 'Sam Berger',
      catalog_id: 'pc',
    });
    const timeline = ownTimelineResponseSchema.parse(
      (await call(jars.customer, 'GET', '/api/me/timeline')).json(),
    );
    const opened = timeline.items.find((i) => i.kind === 'store.session_opened');
    expect(opened?.actor).toEqual({ who: 'staff', name: 'Sam', role: 'sales' });
    expect(JSON.stringify(timeline)).not.toMatch(/user_?id/i);
  });
});

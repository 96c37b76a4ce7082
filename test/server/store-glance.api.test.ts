import { describe, expect, it } from 'vitest';
import { relationshipResponseSchema } from '../../src/contract/customers.schema.ts';
import { ownTimelineResponseSchema, timelineResponseSchema } from '../../src/contract/interactions.schema.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';

describe.each(testDatabases)('the customer at a glance on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  /** A customer (with a session cookie) and one cookie jar per role; guests have none. */
  async function cast() {
    const { app, db } = h();
    const customer = await signUp(app, { email: 'anna@example.com' });
    const jars: Record<Role, string> = {
      guest: '',
      customer: customer.jar,
      'another customer': (await signUp(app, { email: 'ben@example.com' })).jar,
      sales: await signInStaff(app, db, 'sales'),
      store_manager: await signInStaff(app, db, 'store_manager'),
      catalog: await signInStaff(app, db, 'catalog'),
    };
    return { id: customer.me.customer.id, jars };
  }

  const call = (jar: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h().app.inject({ method, url, headers: jar ? { cookie: jar } : {}, ...(payload ? { payload } : {}) });

  test('every route: guest 401, customers 403 (their own record too), catalog 403, sales and managers allowed', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    const routes = [
      { method: 'GET' as const, url: `/api/customers/${id}`, ok: 200 },
      { method: 'GET' as const, url: `/api/customers/${id}/timeline?channel=store`, ok: 200 },
      {
        method: 'POST' as const,
        url: `/api/customers/${id}/interactions`,
        payload: { kind: 'call', note: 'Asked about delivery', shared: true },
        ok: 201,
      },
    ];
    const expected: Record<Role, number | 'ok'> = {
      guest: 401,
      customer: 403,
      'another customer': 403,
      sales: 'ok',
      store_manager: 'ok',
      catalog: 403,
    };
    for (const route of routes)
      for (const [role, status] of Object.entries(expected) as [Role, number | 'ok'][]) {
        const before = await countRows(db, 'interactions');
        const res = await call(jars[role], route.method, route.url, route.payload);
        expect({ role, url: route.url, status: res.statusCode }).toEqual({
          role,
          url: route.url,
          status: status === 'ok' ? route.ok : status,
        });
        // A refused note is not stored.
        if (route.method === 'POST' && status !== 'ok')
          expect(await countRows(db, 'interactions')).toBe(before);
      }
  });

  test('the relationship carries purchases per quarter, quotes, live sessions and the caller’s authority', async () => {
    const { app, clock } = h();
    const { id, jars } = await cast();
    const post = (url: string, payload: object) => call(jars.customer, 'POST', url, payload);
    const order = await post('/api/orders', { catalogId: 'pc', selections: budgetPc });
    expect(order.statusCode).toBe(201);
    // Paid: the purchases chart, like the value figures, counts sales only.
    const paid = await call(jars.sales, 'POST', `/api/orders/${order.json().id}/status`, { to: 'paid' });
    expect(paid.statusCode).toBe(200);
    const quote = await post('/api/quotes', { catalogId: 'pc', selections: budgetPc });
    expect(quote.statusCode).toBe(201);
    const session = {
      format: 1,
      catalogId: 'pc',
      catalogVersion: PC_VERSION,
      snapshot: {
        status: 'active',
        value: 'editing',
        context: {
          choices: { case: budgetPc.case, cpu: budgetPc.cpu },
          past: [{}, { case: budgetPc.case }],
          future: [],
          step: 'memory',
        },
      },
    };
    const put = await app.inject({
      method: 'PUT',
      url: '/api/sessions/pc',
      headers: { cookie: jars.customer },
      payload: { session, baseRevision: 0 },
    });
    expect(put.statusCode).toBe(200);

    const read = async (jar: string) =>
      relationshipResponseSchema.parse((await call(jar, 'GET', `/api/customers/${id}`)).json());
    const forSales = await read(jars.sales);
    const total = order.json<{ totalCents: number }>().totalCents;
    expect(forSales.purchases).toEqual([
      { quarter: '2026-Q4', start: '2026-10-01', revenueCents: total, orders: 1 },
    ]);
    expect(forSales.currency).toBe('EUR');
    expect(forSales.quotes).toEqual([
      expect.objectContaining({
        id: quote.json<{ id: string }>().id,
        catalogId: 'pc',
        totalCents: quote.json<{ totalCents: number }>().totalCents,
        valid: true,
      }),
    ]);
    expect(forSales.sessions).toEqual([
      {
        catalogId: 'pc',
        catalogName: 'Aurora Desktop',
        catalogVersion: PC_VERSION,
        choices: 2,
        options: [expect.any(String), expect.any(String)],
        undoSteps: 2,
        updatedAt: clock.now.toISOString(),
      },
    ]);
    expect(forSales.sessions[0]?.options.join()).not.toMatch(/case-aurora|cpu-ryzen/);
    // A new customer is "normal": sales 5 % on their own, up to 10 % with a manager.
    expect(forSales.tier.class).toBe('normal');
    expect(forSales.authority).toEqual({ role: 'sales', ownPercent: 5, limitPercent: 10 });
    expect((await read(jars.store_manager)).authority).toEqual({
      role: 'store_manager',
      ownPercent: 10,
      limitPercent: 10,
    });
    // After its validity the quote is listed as expired (a fresh sign-in: the old session has lapsed by then).
    clock.now = new Date(clock.now.getTime() + 31 * 86_400_000);
    expect((await read(await signInStaff(app, h().db))).quotes[0]?.valid).toBe(false);
  });

  test('the timeline filters by channel and pages within it', async () => {
    const { clock } = h();
    const { id, jars } = await cast();
    const note = async (kind: 'store.visit' | 'call', text: string) => {
      clock.now = new Date(clock.now.getTime() + 60_000);
      const res = await call(jars.sales, 'POST', `/api/customers/${id}/interactions`, { kind, note: text });
      expect(res.statusCode).toBe(201);
    };
    await note('store.visit', 'one');
    await note('call', 'two');
    await note('store.visit', 'three');
    await note('store.visit', 'four');
    const page = async (query: string) =>
      timelineResponseSchema.parse(
        (await call(jars.sales, 'GET', `/api/customers/${id}/timeline?${query}`)).json(),
      );
    const first = await page('channel=store&limit=2');
    expect(first.items.map((i) => i.payload.note)).toEqual(['four', 'three']);
    expect(first.nextCursor).not.toBeNull();
    const second = await page(`channel=store&limit=2&before=${first.nextCursor ?? ''}`);
    expect(second.items.map((i) => i.payload.note)).toEqual(['one']);
    expect(second.nextCursor).toBeNull();
    expect((await page('channel=phone')).items.map((i) => i.payload.note)).toEqual(['two']);
    // Sign-up logged a web entry: no filter shows all five.
    expect((await page('')).items).toHaveLength(5);
    const bad = await call(jars.sales, 'GET', `/api/customers/${id}/timeline?channel=fax`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('querystring.channel');
  });

  test('the customer reads shared notes, not internal ones, and no staff user id; staff see both, marked', async () => {
    const { db, clock } = h();
    const { id, jars } = await cast();
    const staffIds = (
      await db.selectFrom('users').select('id').where('role', '!=', 'customer').execute()
    ).map((u) => u.id);
    const log = (payload: object) => call(jars.sales, 'POST', `/api/customers/${id}/interactions`, payload);
    expect((await log({ kind: 'call', note: 'Margin is thin, do not go below 3 %' })).statusCode).toBe(201);
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(
      (await log({ kind: 'store.visit', note: 'Your new case arrives on Friday', shared: true })).statusCode,
    ).toBe(201);

    const own = await call(jars.customer, 'GET', '/api/me/timeline');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Margin is thin');
    for (const staffId of staffIds) expect(own.body).not.toContain(staffId);
    const mine = ownTimelineResponseSchema.parse(own.json()).items;
    const visit = mine.find((i) => i.kind === 'store.visit');
    expect(visit?.payload).toEqual({ note: 'Your new case arrives on Friday' });
    expect(visit?.actor).toEqual({ who: 'staff', name: 'Staff', role: 'sales' });
    // The call itself happened and stays in their history, without its internal note.
    expect(mine.find((i) => i.kind === 'call')?.payload).toEqual({});
    expect(mine.find((i) => i.kind === 'customer.registered')?.actor).toEqual({ who: 'you' });

    const staff = timelineResponseSchema.parse(
      (await call(jars.sales, 'GET', `/api/customers/${id}/timeline`)).json(),
    ).items;
    expect(staff.filter((i) => i.payload.note).map((i) => [i.payload.note, i.payload.shared])).toEqual([
      ['Your new case arrives on Friday', true],
      ['Margin is thin, do not go below 3 %', false],
    ]);
  });

  test('a note with a malformed shared flag is a 400 naming it, and nothing is stored', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    const before = await countRows(db, 'interactions');
    const res = await call(jars.sales, 'POST', `/api/customers/${id}/interactions`, {
      kind: 'call',
      note: 'x',
      shared: 'yes',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('body.shared');
    expect(await countRows(db, 'interactions')).toBe(before);
  });
});

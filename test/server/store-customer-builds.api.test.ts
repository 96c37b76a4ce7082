import { describe, expect, it } from 'vitest';
import { ownTimelineResponseSchema } from '../../src/contract/interactions.schema.ts';
import { optionWeightsResponseSchema } from '../../src/contract/preferences.schema.ts';
import type { Database } from '../../src/server/store/database.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';
type Method = 'GET' | 'POST';

describe.each(testDatabases)('the console acting for a customer on $label', (database) => {
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
      sales: await signInStaff(app, db, 'sales'),
      store_manager: await signInStaff(app, db, 'store_manager'),
      catalog: await signInStaff(app, db, 'catalog'),
    };
    return { id: anna.me.customer.id, benId: ben.me.customer.id, jars };
  }

  const call = (jar: string, method: Method, url: string, payload?: object) =>
    h().app.inject({ method, url, headers: jar ? { cookie: jar } : {}, ...(payload ? { payload } : {}) });

  const saveBody = (name = 'Anna’s desk PC') => ({ name, catalogId: 'pc', selections: budgetPc });
  const chose = {
    events: [
      {
        kind: 'config.chose',
        catalogId: 'pc',
        catalogVersion: PC_VERSION,
        slotId: 'cpu',
        optionId: 'cpu-ryzen5-8600g',
      },
    ],
  };
  const shown = {
    events: [
      {
        event: 'shown',
        catalogId: 'pc',
        catalogVersion: PC_VERSION,
        slotId: 'cpu',
        optionId: 'cpu-ryzen5-8600g',
        source: 'personal',
      },
    ],
  };

  test('every route × role: guest 401, customers and catalog 403 with nothing stored, staff allowed; 404 for no customer', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    const own = await call(jars.customer, 'POST', '/api/builds', saveBody('Anna’s own'));
    const buildId = own.json<{ id: string }>().id;
    const base = `/api/store/customers/${id}`;
    const routes: { method: Method; url: string; payload?: object; ok: number; table?: keyof Database }[] = [
      { method: 'GET', url: `${base}/builds/${buildId}`, ok: 200, table: 'interactions' },
      { method: 'POST', url: `${base}/builds`, payload: saveBody(), ok: 201, table: 'builds' },
      { method: 'POST', url: `${base}/orders`, payload: { buildId }, ok: 201, table: 'orders' },
      { method: 'GET', url: `${base}/option-weights/pc`, ok: 200 },
      { method: 'GET', url: `${base}/similar-builds/pc`, ok: 200 },
      { method: 'POST', url: `${base}/interactions`, payload: chose, ok: 201, table: 'interactions' },
      {
        method: 'POST',
        url: `${base}/recommendation-events`,
        payload: shown,
        ok: 201,
        table: 'recommendation_events',
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
    for (const route of routes) {
      for (const [role, status] of Object.entries(expected) as [Role, number | 'ok'][]) {
        const before = route.table ? await countRows(db, route.table) : 0;
        const res = await call(jars[role], route.method, route.url, route.payload);
        expect({ role, url: route.url, status: res.statusCode }).toEqual({
          role,
          url: route.url,
          status: status === 'ok' ? route.ok : status,
        });
        if (route.table && status !== 'ok') expect(await countRows(db, route.table)).toBe(before);
      }
      const missing = route.url.replace(id, 'no-such-customer');
      expect((await call(jars.sales, route.method, missing, route.payload)).statusCode).toBe(404);
    }
  });

  test('a build saved by staff is in the customer’s account, logged in the store with the staff member as actor', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    const saved = await call(jars.sales, 'POST', `/api/store/customers/${id}/builds`, saveBody());
    expect(saved.statusCode).toBe(201);
    const buildId = saved.json<{ id: string }>().id;
    const mine = await call(jars.customer, 'GET', '/api/builds');
    expect(mine.json<{ id: string; name: string }[]>().map((b) => b.name)).toContain('Anna’s desk PC');
    const row = await db
      .selectFrom('interactions')
      .innerJoin('users', 'users.id', 'interactions.actor_user_id')
      .select(['interactions.channel', 'interactions.kind', 'users.role'])
      .where('interactions.customer_id', '=', id)
      .where('interactions.kind', '=', 'build.saved')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'store', kind: 'build.saved', role: 'sales' });
    // Opening it is logged too; the customer reads both as staff (first name, role), never a user id.
    expect((await call(jars.sales, 'GET', `/api/store/customers/${id}/builds/${buildId}`)).statusCode).toBe(
      200,
    );
    const timeline = ownTimelineResponseSchema.parse(
      (await call(jars.customer, 'GET', '/api/me/timeline')).json(),
    );
    const store = timeline.items.filter((i) => i.channel === 'store');
    expect(store.map((i) => i.kind).sort()).toEqual(['build.saved', 'store.build_opened']);
    for (const item of store) expect(item.actor).toEqual({ who: 'staff', name: 'Staff', role: 'sales' });
    expect(JSON.stringify(timeline)).not.toMatch(/user_?id/i);
  });

  test('another customer’s build is not opened or ordered for this one', async () => {
    const { id, jars } = await cast();
    const bens = await call(jars['another customer'], 'POST', '/api/builds', saveBody('Ben’s'));
    const buildId = bens.json<{ id: string }>().id;
    expect((await call(jars.sales, 'GET', `/api/store/customers/${id}/builds/${buildId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(jars.sales, 'POST', `/api/store/customers/${id}/orders`, { buildId })).statusCode,
    ).toBe(404);
  });

  test('an order for the customer is re-validated and re-priced, with channel store', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    const half = { cpu: budgetPc.cpu ?? {} };
    const before = await countRows(db, 'orders');
    const incomplete = await call(jars.sales, 'POST', `/api/store/customers/${id}/orders`, {
      catalogId: 'pc',
      selections: half,
    });
    expect(incomplete.statusCode).toBe(422);
    const stale = await call(jars.sales, 'POST', `/api/store/customers/${id}/orders`, {
      catalogId: 'pc',
      selections: budgetPc,
      expectedTotalCents: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(await countRows(db, 'orders')).toBe(before);
    const saved = await call(jars.sales, 'POST', `/api/store/customers/${id}/builds`, saveBody());
    const order = await call(jars.sales, 'POST', `/api/store/customers/${id}/orders`, {
      buildId: saved.json<{ id: string }>().id,
    });
    expect(order.statusCode).toBe(201);
    const row = await db.selectFrom('orders').select(['channel', 'customer_id']).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'store', customer_id: id });
    const mine = await call(jars.customer, 'GET', '/api/orders');
    expect(mine.json<unknown[]>()).toHaveLength(1);
  });

  test('weights are the customer’s, not the staff member’s; logged steps are the store’s', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    await h().app.inject({
      method: 'PUT',
      url: '/api/me/preferences/overrides',
      headers: { cookie: jars.customer },
      payload: { key: 'pc/slot/os/os-ubuntu-2404', value: 1 },
    });
    const weights = optionWeightsResponseSchema.parse(
      (await call(jars.sales, 'GET', `/api/store/customers/${id}/option-weights/pc`)).json(),
    );
    expect(weights.weights['os-ubuntu-2404']).toBeGreaterThan(0);
    expect(
      (await call(jars.sales, 'POST', `/api/store/customers/${id}/interactions`, chose)).statusCode,
    ).toBe(201);
    const row = await db
      .selectFrom('interactions')
      .select(['channel', 'actor_user_id'])
      .where('customer_id', '=', id)
      .where('kind', '=', 'config.chose')
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('store');
    const staff = await db
      .selectFrom('users')
      .select('role')
      .where('id', '=', row.actor_user_id ?? '')
      .executeTakeFirst();
    expect(staff?.role).toBe('sales');
  });

  test('marks shown in the store count for the customer, marked as the store’s with the staff member', async () => {
    const { db } = h();
    const { id, jars } = await cast();
    const res = await call(jars.sales, 'POST', `/api/store/customers/${id}/recommendation-events`, shown);
    expect(res.statusCode).toBe(201);
    const row = await db
      .selectFrom('recommendation_events')
      .innerJoin('users', 'users.id', 'recommendation_events.actor_user_id')
      .select(['recommendation_events.customer_id', 'recommendation_events.channel', 'users.role'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ customer_id: id, channel: 'store', role: 'sales' });
  });
});

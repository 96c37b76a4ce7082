import { describe, expect, it } from 'vitest';
import { salesResponseSchema } from '../../src/contract/sales.schema.ts';
import { indexCatalog } from '../../src/core/catalog/index.ts';
import { SALES_TTL_MS, soldConfigurations } from '../../src/server/catalogs/sales.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, signUp, useApp } from './harness.ts';

describe.each(testDatabases)('sold configurations for the recommender on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  // Counting is what these tests are about; the threshold of distinct buyers has its own (privacy.api.test.ts).
  const h = useApp(database, { salesMinBuyers: 1 });

  async function order(jar: string, selections: object) {
    const post = (url: string, payload: object) =>
      h().app.inject({ method: 'POST', url, headers: { cookie: jar }, payload });
    const build = (await post('/api/builds', { name: 'Build', catalogId: 'pc', selections })).json<{
      id: string;
      priceCents: number;
    }>();
    const res = await post('/api/orders', { buildId: build.id, expectedTotalCents: build.priceCents });
    expect(res.statusCode).toBe(201);
    // Only paid orders are sales (the lifecycle's own tests move them through the API).
    await h().db.updateTable('orders').set({ status: 'paid' }).where('id', '=', res.json().id).execute();
  }

  test('equal configurations are counted once, outdated ones left out, and nobody is named', async () => {
    const { app, db } = h();
    const anna = await signUp(app, { email: 'a@example.com' });
    const ben = await signUp(app, { email: 'b@example.com' });
    await order(anna.jar, budgetPc);
    // The same configuration, its slots listed in another order.
    await order(ben.jar, Object.fromEntries(Object.entries(budgetPc).reverse()));
    // An order of an option the catalog no longer has (as after a catalog change).
    const row = await db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    const withdrawn = { ...JSON.parse(row.selections), gpu: { 'gpu-withdrawn': 1 } };
    await db
      .insertInto('orders')
      .values({ ...row, id: `${row.id}-old`, selections: JSON.stringify(withdrawn) })
      .execute();

    const res = await app.inject({ method: 'GET', url: '/api/catalogs/pc/sales' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age/);
    const sales = salesResponseSchema.parse(res.json());
    expect(sales).toMatchObject({ catalogId: 'pc', orders: 3, outdated: 1 });
    expect(sales.builds).toEqual([{ selections: expect.any(Object), count: 2 }]);
    expect(sales.builds[0]?.selections).toEqual(budgetPc);
    expect(res.body).not.toMatch(/customer|email|cents|created/i);
  });

  test('answers are reused for five minutes, then include the new orders; only the newest orders are read', async () => {
    const { app, db, clock } = h();
    const read = async () =>
      salesResponseSchema.parse((await app.inject({ method: 'GET', url: '/api/catalogs/pc/sales' })).json());
    const { jar } = await signUp(app);
    await order(jar, budgetPc);
    expect((await read()).orders).toBe(1);
    await order(jar, budgetPc);
    expect((await read()).orders).toBe(1);
    clock.now = new Date(clock.now.getTime() + SALES_TTL_MS);
    expect(await read()).toMatchObject({ orders: 2, builds: [{ count: 2 }] });
    const pc = h().catalogs.get('pc');
    if (!pc) throw new Error('the pc catalog is not loaded');
    expect((await soldConfigurations(db, indexCatalog(pc.catalog), { maxOrders: 1 })).orders).toBe(1);
  });

  test('an unknown catalog is a 404 that names the problem', async () => {
    const res = await h().app.inject({ method: 'GET', url: '/api/catalogs/boat/sales' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'catalog_not_found' });
  });
});

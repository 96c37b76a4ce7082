import { describe, expect, it } from 'vitest';
import { salesResponseSchema } from '../../src/contract/sales.schema.ts';
import { similarBuildsResponseSchema } from '../../src/contract/preferences.schema.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, signInStaff, signUp, useApp } from './harness.ts';

/** budgetPc with another operating system: a second configuration. */
const otherPc = { ...budgetPc, os: { 'os-none': 1 } };

describe.each(testDatabases)('privacy of sales figures and builds like yours on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  /** A new customer who bought `selections` (ordered, and paid in the store); @returns their cookie jar. */
  async function buyer(staff: string, selections: object): Promise<string> {
    const { app } = h();
    const { jar } = await signUp(app);
    const placed = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: jar },
      payload: { catalogId: 'pc', selections },
    });
    expect(placed.statusCode).toBe(201);
    const paid = await app.inject({
      method: 'POST',
      url: `/api/orders/${placed.json().id}/status`,
      headers: { cookie: staff },
      payload: { to: 'paid' },
    });
    expect(paid.statusCode).toBe(200);
    return jar;
  }

  test('the public sales show a configuration only once 5 distinct customers bought it; unpaid orders do not count', async () => {
    const { app, db } = h();
    const staff = await signInStaff(app, db);
    const repeat = await buyer(staff, budgetPc);
    // One customer buying the same build again is still one buyer.
    for (let i = 0; i < 5; i++)
      await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { cookie: repeat },
        payload: { catalogId: 'pc', selections: budgetPc },
      });
    for (let i = 0; i < 3; i++) await buyer(staff, budgetPc);
    await buyer(staff, otherPc);
    const read = async () =>
      salesResponseSchema.parse((await app.inject({ method: 'GET', url: '/api/catalogs/pc/sales' })).json());

    // 4 buyers of budgetPc (five orders of one of them unpaid), 1 of otherPc: nothing shown.
    expect(await read()).toMatchObject({ orders: 5, withheld: 5, minBuyers: 5, builds: [] });
    h().clock.now = new Date(h().clock.now.getTime() + 300_000);
    await buyer(staff, budgetPc);
    expect(await read()).toMatchObject({
      orders: 6,
      withheld: 1,
      builds: [{ selections: budgetPc, count: 5 }],
    });
  });

  test('builds like yours name configurations and how many bought them, never an order’s date or total', async () => {
    const { app, db } = h();
    const staff = await signInStaff(app, db);
    await buyer(staff, otherPc);
    await buyer(staff, otherPc);
    const me = await buyer(staff, budgetPc);
    const res = await app.inject({
      method: 'GET',
      url: '/api/me/similar-builds?catalogId=pc',
      headers: { cookie: me },
    });
    const { builds } = similarBuildsResponseSchema.parse(res.json());
    expect(builds).toEqual([
      expect.objectContaining({ selections: otherPc, buyers: 2, similarity: expect.any(Number) }),
    ]);
    for (const build of res.json().builds)
      expect(Object.keys(build).sort()).toEqual([
        'buyers',
        'catalogId',
        'catalogVersion',
        'selections',
        'similarity',
      ]);
    expect(res.body).not.toMatch(/cents|total|At"|20\d\d-\d\d-\d\dT|customer|email/i);
  });
});

describe.each(testDatabases)('the sales threshold is configurable on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, { salesMinBuyers: 1 });

  test('with SALES_MIN_BUYERS=1 one buyer shows', async () => {
    const { app, db } = h();
    const staff = await signInStaff(app, db);
    const { jar } = await signUp(app);
    const placed = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: jar },
      payload: { catalogId: 'pc', selections: budgetPc },
    });
    await app.inject({
      method: 'POST',
      url: `/api/orders/${placed.json().id}/status`,
      headers: { cookie: staff },
      payload: { to: 'paid' },
    });
    const sales = (await app.inject({ method: 'GET', url: '/api/catalogs/pc/sales' })).json();
    expect(sales).toMatchObject({ minBuyers: 1, withheld: 0, builds: [{ count: 1 }] });
  });
});

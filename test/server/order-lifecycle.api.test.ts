import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTiersConfig } from '../../src/server/catalogs/tiers.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, signInStaff, signUp, useApp } from './harness.ts';

const TOKEN = 'erp-test-token-0123456789abcdef';
// One budget PC's margin lifts a customer into Most valuable here, so that one order decides the tier.
const tiers = parseTiersConfig(readFileSync('configs/tiers.json', 'utf8'), 'configs/tiers.json');
const lowMvc = {
  ...tiers,
  classification: { ...tiers.classification, mvc: { minNetMarginCents: 1_000 } },
};

describe.each(testDatabases)('orders: lifecycle, value and offers on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, {
    tiers: lowMvc,
    integrations: [{ name: 'erp', tokenHash: hashToken(TOKEN) }],
  });

  async function placeOrder(jar: string): Promise<string> {
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: jar },
      payload: { catalogId: 'pc', selections: budgetPc },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('placed');
    return res.json().id as string;
  }
  const move = (orderId: string, headers: Record<string, string>, to: string, note?: string) =>
    h().app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/status`,
      headers,
      payload: { to, ...(note ? { note } : {}) },
    });

  test('one unpaid order lifts nobody into Most valuable and its offer; once paid it does', async () => {
    const { app, db } = h();
    const { jar, me } = await signUp(app);
    const staff = { cookie: await signInStaff(app, db) };
    const orderId = await placeOrder(jar);
    const tierOf = async () =>
      (await app.inject({ method: 'GET', url: `/api/customers/${me.customer.id}`, headers: staff })).json();
    const offersOf = async () =>
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar } })).json().offers;

    const unpaid = await tierOf();
    expect(unpaid.tier.class).toBe('normal');
    expect(unpaid.value.lifetimeRevenueCents).toBe(0);
    expect(unpaid.orders).toMatchObject([{ id: orderId, status: 'placed', next: ['paid', 'cancelled'] }]);
    expect(await offersOf()).toEqual([]);

    expect((await move(orderId, staff, 'paid')).statusCode).toBe(200);
    const paid = await tierOf();
    expect(paid.tier.class).toBe('mvc');
    expect(paid.value.lifetimeRevenueCents).toBeGreaterThan(0);
    expect(await offersOf()).toContainEqual(expect.objectContaining({ id: 'loyalty-3', percent: 3 }));

    // Cancelled after payment (refunded): no longer a sale.
    expect((await move(orderId, staff, 'cancelled', 'refunded')).statusCode).toBe(200);
    expect((await tierOf()).tier.class).toBe('normal');
  });

  test('staff move an order placed → paid → delivered with its history; an illegal move is a 409 naming from and to', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const staff = { cookie: await signInStaff(app, db, 'sales', 'Sam Weber') };
    const orderId = await placeOrder(jar);

    const skip = await move(orderId, staff, 'delivered');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({
      code: 'illegal_transition',
      details: { from: 'placed', to: 'delivered', allowed: 'paid,cancelled' },
    });
    expect(skip.json().error.message).toMatch(/is placed; it cannot become delivered/);

    expect((await move(orderId, staff, 'paid', 'card ••42')).json()).toMatchObject({ status: 'paid' });
    const delivered = (await move(orderId, staff, 'delivered')).json();
    expect(delivered).toMatchObject({
      status: 'delivered',
      next: [],
      history: [
        { from: 'placed', to: 'paid', channel: 'store', by: 'Sam Weber', note: 'card ••42' },
        { from: 'paid', to: 'delivered', channel: 'store', by: 'Sam Weber', note: null },
      ],
    });
    const final = await move(orderId, staff, 'cancelled');
    expect(final.statusCode).toBe(409);
    expect(final.json().error.details).toMatchObject({ from: 'delivered', to: 'cancelled', allowed: '' });
    expect(await countRows(db, 'order_status_changes')).toBe(2);

    // The customer sees the status on their own orders.
    const mine = await app.inject({ method: 'GET', url: '/api/orders', headers: { cookie: jar } });
    expect(mine.json()).toMatchObject([{ id: orderId, status: 'delivered' }]);
  });

  test('an integration moves orders with its bearer token; customers, guests and wrong tokens cannot', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const orderId = await placeOrder(jar);

    expect((await move(orderId, { cookie: jar }, 'paid')).statusCode).toBe(403);
    expect((await move(orderId, {}, 'paid')).statusCode).toBe(401);
    expect((await move(orderId, { authorization: `Bearer ${TOKEN}x` }, 'paid')).statusCode).toBe(401);
    expect((await move(orderId, { authorization: TOKEN }, 'paid')).statusCode).toBe(401);

    const paid = await move(orderId, { authorization: `Bearer ${TOKEN}` }, 'paid', 'PSP 8812');
    expect(paid.statusCode).toBe(200);
    expect(paid.json().history).toMatchObject([
      { from: 'placed', to: 'paid', channel: 'api', by: 'erp', note: 'PSP 8812' },
    ]);
    const read = await app.inject({
      method: 'GET',
      url: `/api/orders/${orderId}/status`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(read.json()).toMatchObject({ status: 'paid', next: ['delivered', 'cancelled'] });
    const missing = await move('no-such-order', { authorization: `Bearer ${TOKEN}` }, 'paid');
    expect(missing.statusCode).toBe(404);
  });
});

describe.each(testDatabases)('the birthday discount on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  // The harness's clock is 2026-11-20: a November birthday is this month.
  const price = async (jar: string) =>
    (
      await h().app.inject({
        method: 'POST',
        url: '/api/prices',
        headers: { cookie: jar },
        payload: { catalogId: 'pc', selections: budgetPc },
      })
    ).json<{ lines: { ref: string }[] }>();
  const hasBirthday = async (jar: string) => (await price(jar)).lines.some((l) => l.ref === 'birthday');

  test('a birthday typed at sign-up this month gives no discount; one given last month does', async () => {
    const { app, db } = h();
    const { jar, me } = await signUp(app, { birthday: '1990-11-20' });
    expect(await hasBirthday(jar)).toBe(false);
    const meNow = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar } })).json();
    expect(meNow).toMatchObject({ birthdayMonth: false, offers: [] });

    await db
      .updateTable('customers')
      .set({ birthday_set_at: '2026-10-31T23:00:00.000Z' })
      .where('id', '=', me.customer.id)
      .execute();
    expect(await hasBirthday(jar)).toBe(true);
  });

  test('a birthday confirmed by staff in the store counts this month; customers cannot confirm their own', async () => {
    const { app, db } = h();
    const { jar, me } = await signUp(app, { birthday: '1990-11-02' });
    const url = `/api/store/customers/${me.customer.id}/birthday`;
    const own = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: jar },
      payload: { birthday: '1990-11-02' },
    });
    expect(own.statusCode).toBe(403);
    expect(await hasBirthday(jar)).toBe(false);

    const staff = await signInStaff(app, db);
    const confirmed = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: staff },
      payload: { birthday: '1990-11-02' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ birthday: '1990-11-02', birthdayConfirmed: true });
    expect(await hasBirthday(jar)).toBe(true);
    const timeline = await app.inject({
      method: 'GET',
      url: `/api/customers/${me.customer.id}/timeline`,
      headers: { cookie: staff },
    });
    expect(timeline.json().items).toContainEqual(
      expect.objectContaining({ kind: 'customer.birthday-confirmed', channel: 'store' }),
    );
  });
});

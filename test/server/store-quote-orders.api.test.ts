import { describe, expect, it } from 'vitest';
import { checkoutResponseSchema } from '../../src/contract/orders.schema.ts';
import { quoteGroupSchema } from '../../src/contract/store-quotes.schema.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, useApp } from './harness.ts';
import { call, cast, latest, makeQuote, publishEditedPc, saveBuild } from './quote-fixtures.ts';

const DAY = 86_400_000;
const WHITE_GLOVE = 'dlv-white-glove';
const whiteGlovePc = { ...budgetPc, delivery: { [WHITE_GLOVE]: 1 } };

describe.each(testDatabases)('orders from quotes on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const req = (jar: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    call(h().app, jar, method, url, payload);
  const counts = async () => ({
    quotes: await countRows(h().db, 'quotes'),
    orders: await countRows(h().db, 'orders'),
    interactions: await countRows(h().db, 'interactions'),
  });

  test('within its validity an order keeps the quoted lines and total; one order per revision', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const group = await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 5 });
    const quote = latest(group);
    expect(quote.lines.at(-1)).toMatchObject({ kind: 'discount', ref: 'staff' });

    h().clock.now = new Date(h().clock.now.getTime() + 29 * DAY);
    const url = `/api/store/customers/${c.annaId}/quotes/${quote.id}/order`;
    const res = await req(c.jars.sales, 'POST', url, { expectedTotalCents: quote.totalCents });
    expect(res.statusCode, res.body).toBe(201);
    const order = checkoutResponseSchema.parse(res.json());
    expect(order).toMatchObject({
      quoteId: quote.id,
      buildId,
      catalogVersion: PC_VERSION,
      totalCents: quote.totalCents,
      lines: quote.lines,
    });
    const row = await db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ quote_id: quote.id, channel: 'store', total_cents: quote.totalCents });
    const logged = await db
      .selectFrom('interactions')
      .selectAll()
      .where('kind', '=', 'order.placed')
      .executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ channel: 'store', actor_user_id: c.samId, customer_id: c.annaId });
    expect(JSON.parse(logged.payload)).toMatchObject({ orderId: order.id, quoteId: quote.id });
    const shown = quoteGroupSchema.parse(
      (await req(c.jars.sales, 'GET', `/api/store/customers/${c.annaId}/quotes/${quote.id}`)).json(),
    );
    expect(shown.revisions[0]?.orderId).toBe(order.id);

    // A second order of the same revision, by staff or by the customer online: 409, nothing stored.
    const before = await counts();
    for (const [jar, path] of [
      [c.jars.store_manager, url],
      [c.jars.customer, `/api/me/quotes/${quote.id}/accept`],
    ] as const) {
      const again = await req(jar, 'POST', path, {});
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        error: { code: 'quote_already_ordered', details: { orderId: order.id } },
      });
    }
    expect(await counts()).toEqual(before);
  });

  test('two orders of one revision at the same moment: one stands, the other is told', async () => {
    const { app, db } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const quote = latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 2 }));
    const results = await Promise.all([
      req(c.jars.customer, 'POST', `/api/me/quotes/${quote.id}/accept`, {}),
      req(c.jars.sales, 'POST', `/api/store/customers/${c.annaId}/quotes/${quote.id}/order`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await countRows(db, 'orders')).toBe(1);
  });

  test('a quote made before a new version went live is accepted at its quoted price while it is valid', async () => {
    const { app, db, clock } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const quote = latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 5 }));
    const next = await publishEditedPc(app, c.jars.catalog, clock, (pc) => {
      pc.basePrice += 100;
    });
    expect(next).not.toBe(PC_VERSION);
    // A new quote or a plain order now names the new version; this one keeps its own.
    expect(quote.catalogVersion).toBe(PC_VERSION);
    // Another customer cannot accept it.
    expect(
      (await req(c.jars['another customer'], 'POST', `/api/me/quotes/${quote.id}/accept`, {})).statusCode,
    ).toBe(404);

    const res = await req(c.jars.customer, 'POST', `/api/me/quotes/${quote.id}/accept`, {
      expectedTotalCents: quote.totalCents,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      catalogVersion: PC_VERSION,
      totalCents: quote.totalCents,
      quoteId: quote.id,
    });
    const row = await db.selectFrom('orders').select(['channel', 'quote_id']).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'web', quote_id: quote.id });
    // A new quote of the same build is made on the live version only: the old build must move first.
    const again = await req(c.jars.sales, 'POST', `/api/store/customers/${c.annaId}/quotes`, {
      buildId,
      discountPercent: 5,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'catalog_version_not_live' } });
  });

  test('after its validity the build is re-priced on the live version, without the staff discount', async () => {
    const { app, db, clock } = h();
    const c = await cast(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const legacyId = await saveBuild(app, c.jars.sales, c.annaId, whiteGlovePc);
    const quote = latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 5 }));
    const legacy = latest(
      await makeQuote(app, c.jars.sales, c.annaId, { buildId: legacyId, discountPercent: 0 }),
    );
    // The next version costs 100 more and no longer delivers white glove (which no rule names).
    const next = await publishEditedPc(app, c.jars.catalog, clock, (pc) => {
      pc.basePrice += 100;
      const delivery = pc.slots.find((s) => s.id === 'delivery');
      if (delivery) delivery.options = delivery.options.filter((o) => o.id !== WHITE_GLOVE);
      delete pc.translations?.de?.options?.[WHITE_GLOVE];
      delete pc.translations?.zh?.options?.[WHITE_GLOVE];
    });

    h().clock.now = new Date(Date.parse(quote.validUntil) + 1);
    await c.signInAgain();
    const shown = quoteGroupSchema.parse(
      (await req(c.jars.sales, 'GET', `/api/store/customers/${c.annaId}/quotes/${quote.id}`)).json(),
    );
    expect(shown.revisions[0]?.valid).toBe(false);
    const live = await req(c.jars.customer, 'POST', '/api/prices', { catalogId: 'pc', selections: budgetPc });
    const livePrice = live.json<{ totalCents: number; catalogVersion: string }>();
    expect(livePrice.catalogVersion).toBe(next);
    expect(livePrice.totalCents).not.toBe(quote.totalCents);

    // The customer saw the quoted price: told the new one first, nothing stored.
    const before = await counts();
    const moved = await req(c.jars.customer, 'POST', `/api/me/quotes/${quote.id}/accept`, {
      expectedTotalCents: quote.totalCents,
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({
      error: {
        code: 'price_changed',
        details: { expectedTotalCents: quote.totalCents, totalCents: livePrice.totalCents },
      },
    });
    // A build the live version cannot make any more is refused.
    const gone = await req(
      c.jars.sales,
      'POST',
      `/api/store/customers/${c.annaId}/quotes/${legacy.id}/order`,
      {},
    );
    expect(gone.statusCode).toBe(422);
    expect(await counts()).toEqual(before);

    const res = await req(c.jars.customer, 'POST', `/api/me/quotes/${quote.id}/accept`, {
      expectedTotalCents: livePrice.totalCents,
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = checkoutResponseSchema.parse(res.json());
    expect(order).toMatchObject({
      catalogVersion: next,
      totalCents: livePrice.totalCents,
      quoteId: quote.id,
    });
    expect(order.lines.some((l) => l.ref === 'staff')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkoutResponseSchema } from '../../src/contract/orders.schema.ts';
import { quoteGroupSchema } from '../../src/contract/store-quotes.schema.ts';
import { recordCatalogVersion } from '../../src/server/store/catalog-versions.repository.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, useApp } from './harness.ts';
import { call, cast, latest, makeQuote, saveBuild } from './quote-fixtures.ts';

const OLD_VERSION = '2025.06.0';
const DAY = 86_400_000;

/**
 * An older PC catalog version, as if published last year: the base price 100 higher, and an operating system the
 * live version no longer sells (a build with it fits the old version only).
 */
function oldPcCatalog(): string {
  const pc = JSON.parse(readFileSync('configs/catalogs/pc.json', 'utf8')) as {
    basePrice: number;
    slots: { id: string; options: object[] }[];
  };
  return JSON.stringify({
    ...pc,
    version: OLD_VERSION,
    basePrice: pc.basePrice + 100,
    slots: pc.slots.map((s) =>
      s.id === 'os'
        ? {
            ...s,
            options: [
              ...s.options,
              { id: 'os-win10-pro', name: 'Windows 10 Pro', price: 99, cost: 70, attributes: {} },
            ],
          }
        : s,
    ),
  });
}

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

  async function withOldVersion() {
    const { app, db } = h();
    const c = await cast(app, db);
    await recordCatalogVersion(db, {
      catalogId: 'pc',
      version: OLD_VERSION,
      contentHash: 'old',
      json: oldPcCatalog(),
    });
    return c;
  }

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

  test('the customer accepts a revision of an older catalog version at the quoted price while it is valid', async () => {
    const { app, db } = h();
    const c = await withOldVersion();
    const legacy = { ...budgetPc, os: { 'os-win10-pro': 1 } };
    const buildId = await saveBuild(app, c.jars.sales, c.annaId, legacy, OLD_VERSION);
    const quote = latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 5 }));
    expect(quote.catalogVersion).toBe(OLD_VERSION);
    // Another customer cannot accept it.
    expect(
      (await req(c.jars['another customer'], 'POST', `/api/me/quotes/${quote.id}/accept`, {})).statusCode,
    ).toBe(404);

    const res = await req(c.jars.customer, 'POST', `/api/me/quotes/${quote.id}/accept`, {
      expectedTotalCents: quote.totalCents,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      catalogVersion: OLD_VERSION,
      totalCents: quote.totalCents,
      quoteId: quote.id,
    });
    const row = await db.selectFrom('orders').select(['channel', 'quote_id']).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'web', quote_id: quote.id });
  });

  test('after its validity the build is re-priced on the live version, without the staff discount', async () => {
    const { app } = h();
    const c = await withOldVersion();
    const buildId = await saveBuild(app, c.jars.sales, c.annaId, budgetPc, OLD_VERSION);
    const legacyId = await saveBuild(
      app,
      c.jars.sales,
      c.annaId,
      { ...budgetPc, os: { 'os-win10-pro': 1 } },
      OLD_VERSION,
    );
    const quote = latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 5 }));
    const legacy = latest(
      await makeQuote(app, c.jars.sales, c.annaId, { buildId: legacyId, discountPercent: 0 }),
    );

    h().clock.now = new Date(Date.parse(quote.validUntil) + 1);
    await c.signInAgain();
    const shown = quoteGroupSchema.parse(
      (await req(c.jars.sales, 'GET', `/api/store/customers/${c.annaId}/quotes/${quote.id}`)).json(),
    );
    expect(shown.revisions[0]?.valid).toBe(false);
    const live = await req(c.jars.customer, 'POST', '/api/prices', { catalogId: 'pc', selections: budgetPc });
    const livePrice = live.json<{ totalCents: number; catalogVersion: string }>();
    expect(livePrice.catalogVersion).toBe(PC_VERSION);
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
      catalogVersion: PC_VERSION,
      totalCents: livePrice.totalCents,
      quoteId: quote.id,
    });
    expect(order.lines.some((l) => l.ref === 'staff')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { catalogEntry, createCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, countRows, PC_VERSION, signUp, useApp } from './harness.ts';

describe.each(testDatabases)('quotes and orders on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  async function savedBuild(jar: string, selections: object = budgetPc) {
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/builds',
      headers: { cookie: jar },
      payload: { name: 'Build', catalogId: 'pc', selections },
    });
    return res.json<{ id: string; priceCents: number }>();
  }
  const post = (url: string, jar: string, payload: object) =>
    h().app.inject({ method: 'POST', url, headers: { cookie: jar }, payload });
  const written = async () => ({
    quotes: await countRows(h().db, 'quotes'),
    orders: await countRows(h().db, 'orders'),
    interactions: await countRows(h().db, 'interactions'),
  });

  test('a quote and an order store the exact catalog version, selections and server price lines', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const build = await savedBuild(jar);
    const quote = await post('/api/quotes', jar, { buildId: build.id, expectedTotalCents: build.priceCents });
    expect(quote.statusCode).toBe(201);
    expect(quote.json()).toMatchObject({
      buildId: build.id,
      catalogVersion: PC_VERSION,
      totalCents: build.priceCents,
    });
    expect(quote.json().validUntil).toBeTypeOf('string');
    const order = await post('/api/orders', jar, {
      catalogId: 'pc',
      selections: budgetPc,
      expectedTotalCents: build.priceCents,
    });
    expect(order.statusCode).toBe(201);
    const row = await db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      catalog_id: 'pc',
      catalog_version: PC_VERSION,
      total_cents: build.priceCents,
      channel: 'web',
    });
    expect(row.cost_cents).toBeGreaterThan(0);
    expect(row.cost_cents).toBeLessThan(row.total_cents);
    expect(JSON.parse(row.lines)[0]).toMatchObject({ kind: 'base' });
    const kinds = (await app.inject({ method: 'GET', url: '/api/me/timeline', headers: { cookie: jar } }))
      .json()
      .items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['quote.requested', 'order.placed']));
    expect(
      (await app.inject({ method: 'GET', url: '/api/orders', headers: { cookie: jar } })).json(),
    ).toHaveLength(1);
  });

  test('a changed price is a 409 with both figures, and nothing is stored', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const build = await savedBuild(jar);
    const before = await written();
    for (const url of ['/api/quotes', '/api/orders']) {
      const res = await post(url, jar, { buildId: build.id, expectedTotalCents: 100 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'price_changed',
        details: { expectedTotalCents: 100, totalCents: build.priceCents },
      });
    }
    expect(await written()).toEqual(before);
  });

  test('an invalid option, an incomplete build and a broken rule are 422s naming them, and nothing is stored', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    const before = await written();
    const bad = await post('/api/orders', jar, {
      catalogId: 'pc',
      selections: { ...budgetPc, cpu: { 'cpu-fake-9000': 1 } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('invalid_build');
    expect(bad.json().error.issues).toContainEqual({
      path: 'selections.cpu.cpu-fake-9000',
      message: expect.any(String),
    });
    const { os: _os, ...withoutOs } = budgetPc;
    const incomplete = await post('/api/quotes', jar, { catalogId: 'pc', selections: withoutOs });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.issues).toContainEqual({
      path: 'selections.os',
      message: expect.stringContaining('choose'),
    });
    const broken = await post('/api/orders', jar, {
      catalogId: 'pc',
      selections: { ...budgetPc, cpu: { 'cpu-ryzen9-9950x': 1 } },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('build_breaks_rules');
    expect(broken.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'rules.a620-170w',
      'rules.cooler-fits-cpu',
    ]);
    // A saved rule-breaking build is refused the same way.
    const savedBroken = await savedBuild(jar, { ...budgetPc, cpu: { 'cpu-ryzen9-9950x': 1 } });
    expect((await post('/api/orders', jar, { buildId: savedBroken.id })).statusCode).toBe(422);
    expect({ ...(await written()), interactions: before.interactions }).toEqual(before);
  });

  test('another customer’s build id is a 404 that does not reveal it exists, and nothing is stored', async () => {
    const { app } = h();
    const owner = await signUp(app);
    const build = await savedBuild(owner.jar);
    const thief = await signUp(app);
    const before = await written();
    for (const url of ['/api/quotes', '/api/orders']) {
      const res = await post(url, thief.jar, { buildId: build.id });
      expect(res.statusCode).toBe(404);
      const missing = await post(url, thief.jar, { buildId: 'no-such-build' });
      expect(res.json().error.code).toBe(missing.json().error.code);
    }
    expect(await written()).toEqual(before);
    expect((await post('/api/orders', '', { buildId: build.id })).statusCode).toBe(401);
  });

  test('a build on a retired version still opens there, but orders are taken on the live version only', async () => {
    const { app, db, catalogs } = h();
    const { jar } = await signUp(app);
    const build = await savedBuild(jar);
    // A new version without the case the build uses goes live (recorded from its file at start-up).
    const pc = catalogs.get('pc')?.catalog;
    if (!pc) throw new Error('pc catalog missing');
    const gone = 'case-aurora-compact-s';
    const nextVersion = pc.version.replace(/\d+$/, (patch) => String(Number(patch) + 1));
    const withoutGone = <T extends { options?: Record<string, unknown> }>(texts: T): T => ({
      ...texts,
      options: Object.fromEntries(Object.entries(texts.options ?? {}).filter(([id]) => id !== gone)),
    });
    const next = {
      ...pc,
      version: nextVersion,
      slots: pc.slots.map((s) =>
        s.id === 'case' ? { ...s, options: s.options.filter((o) => o.id !== gone) } : s,
      ),
      translations: Object.fromEntries(
        Object.entries(pc.translations ?? {}).map(([language, texts]) => [language, withoutGone(texts)]),
      ),
    };
    const { buildApp } = await import('../../src/server/app.ts');
    const registry = createCatalogRegistry([
      catalogEntry(next, 'pc.json'),
      ...catalogs.list().filter((e) => e.catalog.id !== 'pc'),
    ]);
    h().clock.now = new Date(h().clock.now.getTime() + 60_000);
    const newer = await buildApp({
      db,
      dialect: database.dialect,
      catalogs: registry,
      now: () => h().clock.now,
    });
    try {
      const before = await written();
      const order = await newer.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { cookie: jar },
        payload: { buildId: build.id },
      });
      expect(order.statusCode).toBe(409);
      expect(order.json().error).toMatchObject({
        code: 'catalog_version_not_live',
        details: { catalogVersion: PC_VERSION, liveVersion: nextVersion },
      });
      expect(order.json().error.message).toContain(nextVersion);
      expect(await written()).toEqual(before);
      // The saved build still opens on its own version.
      const opened = await newer.inject({
        method: 'GET',
        url: `/api/builds/${build.id}`,
        headers: { cookie: jar },
      });
      expect(opened.statusCode).toBe(200);
      expect(opened.json()).toMatchObject({ catalogVersion: PC_VERSION });
      // The same selections as a new build are checked against the live version, which lacks the case.
      const fresh = await newer.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { cookie: jar },
        payload: { catalogId: 'pc', selections: budgetPc },
      });
      expect(fresh.statusCode).toBe(422);
      expect(fresh.json().error.message).toContain(`pc@${nextVersion}`);
    } finally {
      await newer.close();
    }
  });

  /** A birthday typed this month is next year's discount (order-lifecycle.api.test.ts): this one was given before. */
  const givenLastMonth = (customerId: string) =>
    h()
      .db.updateTable('customers')
      .set({ birthday_set_at: '2026-10-30T10:00:00.000Z' })
      .where('id', '=', customerId)
      .execute();

  test('the birthday month adds a discount line', async () => {
    const { app, clock } = h();
    const { jar, me: signedUp } = await signUp(app, { birthday: '1990-11-03' });
    await givenLastMonth(signedUp.customer.id);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar } });
    expect(me.json()).toMatchObject({ birthdayMonth: true, offers: [{ id: 'birthday', percent: 5 }] });
    const build = await savedBuild(jar);
    const quote = (await post('/api/quotes', jar, { buildId: build.id })).json();
    const discount = quote.lines.find((l: { kind: string }) => l.kind === 'discount');
    expect(discount).toMatchObject({ ref: 'birthday', amountCents: -Math.ceil(build.priceCents * 0.05) });
    expect(quote.totalCents).toBe(build.priceCents + discount.amountCents);
    clock.now = new Date('2026-12-02T10:00:00.000Z');
    const later = (await post('/api/quotes', jar, { buildId: build.id })).json();
    expect(later.totalCents).toBe(build.priceCents);
  });
  test('the price a shopper is shown is the price their quote and order go through at, and it stores nothing', async () => {
    const { app } = h();
    const priced = (jar: string, selections: object = budgetPc) =>
      post('/api/prices', jar, { catalogId: 'pc', selections });
    const guest = await priced('');
    expect(guest.statusCode).toBe(200);
    const catalogTotal = guest.json().totalCents;
    expect(guest.json()).toMatchObject({ catalogId: 'pc', catalogVersion: PC_VERSION, currency: 'EUR' });
    expect(guest.json().lines.some((l: { kind: string }) => l.kind === 'discount')).toBe(false);

    const { jar, me: signedUp } = await signUp(app, { birthday: '1990-11-03' });
    await givenLastMonth(signedUp.customer.id);
    const before = await written();
    const mine = (await priced(jar)).json();
    expect(mine.lines.find((l: { kind: string }) => l.kind === 'discount')).toMatchObject({
      ref: 'birthday',
    });
    expect(mine.totalCents).toBe(catalogTotal - Math.ceil(catalogTotal * 0.05));
    expect(await written()).toEqual(before);
    const quote = await post('/api/quotes', jar, {
      catalogId: 'pc',
      selections: budgetPc,
      expectedTotalCents: mine.totalCents,
    });
    expect(quote.statusCode).toBe(201);

    const { cpu: _cpu, ...noCpu } = budgetPc;
    const incomplete = await priced(jar, noCpu);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error).toMatchObject({ code: 'invalid_build' });
    expect(incomplete.json().error.issues[0].path).toMatch(/^selections\.cpu/);
  });
});

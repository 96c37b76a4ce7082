import { describe, expect, it } from 'vitest';
import {
  catalogDiffSchema,
  impactReportSchema,
  popularityResponseSchema,
} from '../../src/contract/catalog-admin.schema.ts';
import { validateCatalog, type Catalog } from '../../src/core/catalog/index.ts';
import { impactReport } from '../../src/server/catalogs/impact-report.ts';
import { catalogVersions } from '../../src/server/catalogs/versions.ts';
import { recordCatalogVersion } from '../../src/server/store/catalog-versions.repository.ts';
import { saveConfigSession } from '../../src/server/store/config-sessions.repository.ts';
import { seedDemoData, SEED_EPOCH } from '../../src/server/store/seed.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, signInStaff, useApp } from './harness.ts';

/** Drops an option and what names it: rules, packages, price rules, their translations. */
function withoutOption(catalog: Catalog, optionId: string): void {
  const names = (x: unknown) => JSON.stringify(x).includes(`"${optionId}"`);
  for (const slot of catalog.slots) slot.options = slot.options.filter((o) => o.id !== optionId);
  const gone = <T extends { id: string }>(items: T[]) => new Set(items.filter(names).map((i) => i.id));
  const rules = gone(catalog.rules);
  const packages = gone(catalog.packages);
  const priceRules = gone(catalog.priceRules);
  catalog.rules = catalog.rules.filter((r) => !rules.has(r.id));
  catalog.packages = catalog.packages.filter((p) => !packages.has(p.id));
  catalog.priceRules = catalog.priceRules.filter((p) => !priceRules.has(p.id));
  for (const texts of Object.values(catalog.translations ?? {})) {
    delete texts?.options?.[optionId];
    for (const id of rules) delete texts?.rules?.[id];
    for (const id of priceRules) delete texts?.priceRules?.[id];
  }
}

/** The car with an option no rule names removed (so no rule goes with it), its base price raised. */
function editedCar(car: Catalog, version: string): Catalog {
  const after = structuredClone(car);
  after.version = version;
  after.basePrice += 500;
  const named = JSON.stringify([car.rules, car.packages, car.priceRules]);
  const option = after.slots
    .filter((s) => s.kind !== 'multi' && s.options.length > 1)
    .flatMap((s) => s.options)
    .find((o) => !named.includes(`"${o.id}"`));
  if (!option) throw new Error('every car option is named by a rule');
  withoutOption(after, option.id);
  return validateCatalog(after, `car@${version}`);
}

describe.each(testDatabases)('catalog insight on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const get = (url: string, cookie: string) => h().app.inject({ method: 'GET', url, headers: { cookie } });

  test('the diff of two car versions: its edits, the builds lost with an example, only-removes', async () => {
    const { db, catalogs } = h();
    const car = catalogs.get('car')?.catalog as Catalog;
    const next = editedCar(car, '2099.1.0');
    await recordCatalogVersion(db, {
      catalogId: 'car',
      version: next.version,
      contentHash: 'x',
      json: JSON.stringify(next),
    });
    const cara = await signInStaff(h().app, db, 'catalog');
    const res = await get(
      `/api/catalog-admin/catalogs/car/diff?from=${car.version}&to=${next.version}`,
      cara,
    );
    expect(res.statusCode).toBe(200);
    const diff = catalogDiffSchema.parse(res.json());
    expect(diff.effect).toBe('only-removes');
    expect(BigInt(diff.lost)).toBeGreaterThan(0n);
    expect(diff.gained).toBe('0');
    expect(BigInt(diff.buildsBefore) - BigInt(diff.lost)).toBe(BigInt(diff.buildsAfter));
    expect(diff.exampleLost).not.toBeNull();
    expect(diff.edits.map((e) => `${e.subject} ${e.change}`)).toEqual(
      expect.arrayContaining(['price changed', 'option removed']),
    );

    const draft = await get(`/api/catalog-admin/catalogs/car/diff?from=${car.version}&to=draft:abc`, cara);
    expect(draft.statusCode).toBe(404);
    const missing = await get(`/api/catalog-admin/catalogs/car/diff?from=${car.version}&to=1999.1.0`, cara);
    expect(missing.statusCode).toBe(404);
  });

  test('a draft against the live version: its diff, and its impact on what customers hold', async () => {
    const { app, db, catalogs } = h();
    const cara = await signInStaff(app, db, 'catalog');
    const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
      app.inject({ method, url, headers: { cookie: cara }, payload });
    const car = catalogs.get('car')?.catalog as Catalog;
    const created = await send('POST', '/api/catalog-admin/catalogs/car/drafts', {
      title: 'Dearer, one option fewer',
    });
    expect(created.statusCode).toBe(201);
    const { id, revision } = created.json<{ id: string; revision: number }>();
    const edited = editedCar(car, car.version);
    expect(
      (await send('PUT', `/api/catalog-admin/drafts/${id}`, { baseRevision: revision, document: edited }))
        .statusCode,
    ).toBe(200);

    const res = await get(`/api/catalog-admin/catalogs/car/diff?from=${car.version}&to=draft:${id}`, cara);
    expect(res.statusCode).toBe(200);
    const diff = catalogDiffSchema.parse(res.json());
    expect(diff.effect).toBe('only-removes');
    expect(diff.edits.map((e) => `${e.subject} ${e.change}`)).toEqual(
      expect.arrayContaining(['option removed']),
    );
    // A draft of another catalog is no draft of this one.
    expect(
      (await get(`/api/catalog-admin/catalogs/pc/diff?from=2026.1.0&to=draft:${id}`, cara)).statusCode,
    ).toBe(404);

    const impact = await get(`/api/catalog-admin/drafts/${id}/impact`, cara);
    expect(impact.statusCode).toBe(200);
    const report = impactReportSchema.parse(impact.json());
    expect(report).toMatchObject({ draftId: id, revision: revision + 1 });
    expect(report.counts.checked).toBe(report.counts.valid + report.counts.invalid);
    // Every valid car build costs the raised base price more.
    for (const item of report.items.filter((i) => i.valid))
      expect(item.priceAfterCents).toBe(item.priceBeforeCents + 50_000);
    const sam = await signInStaff(app, db, 'sales', 'Sam Okafor');
    expect((await get(`/api/catalog-admin/drafts/${id}/impact`, sam)).statusCode).toBe(403);
    expect((await get('/api/catalog-admin/drafts/nope/impact', cara)).statusCode).toBe(404);
  });

  test('the server answers other requests while a slow diff runs (the engine works in a worker thread)', async () => {
    const { app, db, catalogs } = h();
    // Dropping a rule makes the diff compile both PC catalogs and their joint model: seconds of engine work.
    const pc = catalogs.get('pc')?.catalog as Catalog;
    const dropped = structuredClone(pc);
    dropped.version = '2099.1.0';
    const [rule] = dropped.rules.splice(0, 1);
    for (const texts of Object.values(dropped.translations ?? {})) delete texts?.rules?.[rule?.id ?? ''];
    const next = validateCatalog(dropped, 'pc@2099.1.0');
    await recordCatalogVersion(db, {
      catalogId: 'pc',
      version: next.version,
      contentHash: 'x',
      json: JSON.stringify(next),
    });
    const cara = await signInStaff(app, db, 'catalog');
    const finished: string[] = [];
    const diff = get(`/api/catalog-admin/catalogs/pc/diff?from=${pc.version}&to=${next.version}`, cara).then(
      (res) => {
        finished.push('diff');
        return res;
      },
    );
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    finished.push('health');
    expect(health.statusCode).toBe(200);
    const res = await diff;
    expect(res.statusCode).toBe(200);
    expect(catalogDiffSchema.parse(res.json()).effect).toBe('only-adds');
    expect(finished).toEqual(['health', 'diff']);
  });

  test('sales staff may not read diffs or popularity (403)', async () => {
    const sam = await signInStaff(h().app, h().db, 'sales');
    expect((await get('/api/catalog-admin/catalogs/pc/popularity', sam)).statusCode).toBe(403);
    expect((await get('/api/catalog-admin/catalogs/pc/diff?from=2026.1.0&to=2026.1.0', sam)).statusCode).toBe(
      403,
    );
    expect((await get('/api/catalog-admin/catalogs/pc/popularity', '')).statusCode).toBe(401);
  });

  test('popularity counts orders, sessions and recommendation marks per option', async () => {
    const { db, catalogs } = h();
    await seedDemoData(
      db,
      catalogs.list().map((e) => e.catalog),
      { extraCustomers: 6 },
    );
    const cara = await signInStaff(h().app, db, 'catalog');
    const res = await get('/api/catalog-admin/catalogs/pc/popularity', cara);
    expect(res.statusCode).toBe(200);
    const body = popularityResponseSchema.parse(res.json());
    const orders = await db
      .selectFrom('orders')
      .select('selections')
      .where('catalog_id', '=', 'pc')
      .execute();
    expect(body.totals.orders).toBe(orders.length);
    // Every order holds exactly one CPU.
    const cpus = body.options.filter((o) => o.slotId === 'cpu').reduce((n, o) => n + o.orders, 0);
    expect(cpus).toBe(orders.length);
    const marks = await db
      .selectFrom('recommendation_events')
      .select(['event'])
      .where('catalog_id', '=', 'pc')
      .execute();
    expect(body.options.reduce((n, o) => n + o.recommended, 0)).toBe(
      marks.filter((m) => m.event === 'shown').length,
    );
    expect(body.options.reduce((n, o) => n + o.taken, 0)).toBe(
      marks.filter((m) => m.event === 'taken').length,
    );
    expect(marks.length).toBeGreaterThan(0);
  });

  test('the impact of a draft on saved builds, sessions and open quotes: invalid ones explained, prices changed', async () => {
    const { db, catalogs } = h();
    await seedDemoData(
      db,
      catalogs.list().map((e) => e.catalog),
      { extraCustomers: 6 },
    );
    const pc = catalogs.get('pc')?.catalog as Catalog;
    await saveConfigSession(
      db,
      { guestId: 'guest-1' },
      {
        format: 1,
        catalogId: 'pc',
        catalogVersion: pc.version,
        snapshot: {
          status: 'active',
          value: 'editing',
          context: { choices: { cpu: budgetPc.cpu ?? {} }, past: [], future: [], step: 'cpu' },
        },
      },
      { at: new Date(SEED_EPOCH).toISOString(), baseRevision: 0, savedBy: null },
    );
    const saved = await db
      .selectFrom('builds')
      .select(['id', 'selections'])
      .where('catalog_id', '=', 'pc')
      .execute();
    expect(saved.length).toBeGreaterThan(0);
    // The draft drops the CPU of the first saved build and raises the price of every case.
    const cpu = Object.keys(
      (JSON.parse(saved[0]?.selections ?? '{}') as Record<string, object>).cpu ?? {},
    )[0] as string;
    const draft = structuredClone(pc);
    withoutOption(draft, cpu);
    for (const o of draft.slots.find((s) => s.id === 'case')?.options ?? []) o.price += 10;

    const now = new Date(SEED_EPOCH);
    const report = await impactReport(
      db,
      catalogVersions(db, catalogs),
      'pc',
      validateCatalog(draft, 'draft'),
      now,
    );
    const open = await db
      .selectFrom('quotes')
      .select('group_id')
      .where('catalog_id', '=', 'pc')
      .where('valid_until', '>', now.toISOString())
      .execute();
    expect(report.counts.checked).toBeGreaterThanOrEqual(saved.length + 1);
    expect(report.counts.checked).toBeLessThanOrEqual(
      saved.length + 1 + new Set(open.map((q) => q.group_id)).size,
    );
    expect(report.counts.valid + report.counts.invalid).toBe(report.counts.checked);
    const first = report.items.find((i) => i.kind === 'build' && i.id === saved[0]?.id);
    expect(first).toMatchObject({ valid: false, missingOptions: [cpu], priceAfterCents: null });
    expect(first?.explanation[0]).toContain('no longer offered');
    // Every valid saved build and quote has a case, so its price rises by 10 €; the guest's session holds only a
    // CPU, so it stays valid at its price and is only counted.
    for (const item of report.items.filter((i) => i.valid))
      expect((item.priceAfterCents ?? 0) - item.priceBeforeCents).toBe(1000);
    expect(report.counts.valid - report.counts.priceChanged).toBe(1);
    expect(report.items.some((i) => i.kind === 'session')).toBe(false);
    expect(report.items.every((i) => i.owner.length > 0)).toBe(true);
  });
});

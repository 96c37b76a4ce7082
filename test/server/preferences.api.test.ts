import { describe, expect, it } from 'vitest';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { seedDemoData } from '../../src/server/store/seed.ts';
import { testDatabases } from './databases.ts';
import { countRows, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

const chose = (optionId: string, slotId = 'gpu') => ({
  kind: 'config.chose',
  catalogId: 'pc',
  catalogVersion: PC_VERSION,
  slotId,
  optionId,
});

describe.each(testDatabases)('preferences and personalization on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const send = (jar: string, events: object[]) =>
    h().app.inject({
      method: 'POST',
      url: '/api/interactions',
      headers: { cookie: jar },
      payload: { events },
    });
  const get = (jar: string, url: string) => h().app.inject({ method: 'GET', url, headers: { cookie: jar } });

  test('choices become explained preferences and option weights; the customer corrects and resets them', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    await send(jar, [
      chose('gpu-nvidia-rtx5070-fe'),
      chose('gpu-asus-dual-rtx5060ti-16g'),
      chose('gpu-nvidia-rtx5070-fe'),
    ]);
    const prefs = (await get(jar, '/api/me/preferences')).json();
    const nvidia = prefs.preferences.find((p: { key: string }) => p.key === 'pc/attr/gpuBrand/NVIDIA');
    expect(nvidia).toMatchObject({
      score: 1,
      source: 'learned',
      evidence: 'You chose NVIDIA for GPU brand in 3 of 3 choices.',
    });
    expect(prefs.halfLifeDays).toBe(90);
    expect(prefs.leanings[0]).toMatchObject({ catalogId: 'pc' });

    const weights = (await get(jar, '/api/me/option-weights/pc')).json();
    expect(weights.weights['gpu-nvidia-rtx5070-fe']).toBeGreaterThan(
      weights.weights['gpu-sapphire-pulse-rx9070'],
    );
    // Each weighted option comes with the preference behind most of it, as figures the page words.
    expect(Object.keys(weights.evidence).sort()).toEqual(Object.keys(weights.weights).sort());
    expect(weights.evidence['gpu-nvidia-rtx5070-fe']).toEqual({
      kind: 'attribute',
      attribute: 'gpuBrand',
      value: 'NVIDIA',
      chosen: 3,
      of: 3,
      corrected: null,
    });

    const corrected = await app.inject({
      method: 'PUT',
      url: '/api/me/preferences/overrides',
      headers: { cookie: jar },
      payload: { key: 'pc/attr/gpuBrand/AMD', value: 0.9 },
    });
    expect(corrected.json().preferences).toContainEqual(
      expect.objectContaining({ key: 'pc/attr/gpuBrand/AMD', source: 'corrected', score: 0.9 }),
    );
    const reset = await app.inject({
      method: 'POST',
      url: '/api/me/preferences/reset',
      headers: { cookie: jar },
    });
    expect(reset.json()).toMatchObject({ personalization: true, preferences: [], leanings: [] });
  });

  test('personalization off: nothing is learned and nothing personal comes out; stored learning is kept unused', async () => {
    const { app } = h();
    const { jar } = await signUp(app);
    await send(jar, [chose('gpu-nvidia-rtx5070-fe')]);
    const off = await app.inject({
      method: 'PUT',
      url: '/api/me/preferences/personalization',
      headers: { cookie: jar },
      payload: { enabled: false },
    });
    expect(off.json().personalization).toBe(false);
    const stored = off.json().preferences;
    await send(jar, [chose('gpu-sapphire-pulse-rx9070')]);
    expect((await get(jar, '/api/me/preferences')).json().preferences).toEqual(stored);
    expect((await get(jar, '/api/me/option-weights/pc')).json()).toMatchObject({
      personalization: false,
      weights: {},
      evidence: {},
    });
    expect((await get(jar, '/api/me/similar-builds?catalogId=pc')).json()).toEqual({ builds: [] });
  });

  test('recommendation events give an acceptance rate for staff', async () => {
    const { app, db } = h();
    const { jar } = await signUp(app);
    const event = (e: string, optionId: string, source = 'preferences') => ({
      event: e,
      catalogId: 'pc',
      catalogVersion: PC_VERSION,
      slotId: 'gpu',
      optionId,
      source,
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/recommendations/events',
      headers: { cookie: jar },
      payload: {
        events: [
          event('shown', 'gpu-nvidia-rtx5070-fe'),
          event('shown', 'gpu-sapphire-pulse-rx9070'),
          event('taken', 'gpu-nvidia-rtx5070-fe'),
          event('shown', 'gpu-sapphire-pulse-rx9070', 'similar-customers'),
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/recommendations/events',
      headers: { cookie: jar },
      payload: { events: [event('shown', 'gpu-nope')] },
    });
    expect(bad.statusCode).toBe(422);
    expect(await countRows(db, 'recommendation_events')).toBe(4);
    expect((await get(jar, '/api/recommendations/acceptance')).statusCode).toBe(403);
    const staff = await signInStaff(app, db);
    expect((await get(staff, '/api/recommendations/acceptance')).json()).toEqual({
      shown: 3,
      taken: 1,
      rate: 1 / 3,
      bySource: [
        { source: 'preferences', shown: 2, taken: 1, rate: 0.5 },
        { source: 'similar-customers', shown: 1, taken: 0, rate: 0 },
      ],
    });
  });

  test('on seeded data: Anna’s NVIDIA preference, builds like hers, and the whole relationship for staff', async () => {
    const { app, db } = h();
    const registry = await loadCatalogRegistry('configs/catalogs');
    const seeded = await seedDemoData(
      db,
      registry.list().map((e) => e.catalog),
    );
    expect(seeded.customers).toBeGreaterThanOrEqual(200);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'anna@example.com', password: 'demo1234' },
    });
    expect(signIn.statusCode).toBe(200);
    const jar = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const prefs = (await get(jar, '/api/me/preferences')).json();
    const gpu = prefs.preferences.find((p: { key: string }) => p.key === 'pc/attr/gpuBrand/NVIDIA');
    expect(gpu.evidence).toMatch(/You chose NVIDIA for GPU brand in \d+ of \d+ choices/);
    const builds = (await get(jar, '/api/builds')).json();
    expect(builds.some((b: { catalogId: string; valid: boolean }) => b.catalogId === 'pc' && b.valid)).toBe(
      true,
    );
    const similar = (await get(jar, '/api/me/similar-builds?catalogId=pc')).json();
    expect(similar.builds).toHaveLength(3);
    expect(similar.builds[0].similarity).toBeGreaterThanOrEqual(similar.builds[2].similarity);
    expect(JSON.stringify(similar)).not.toMatch(/customerId|email/);

    const staff = await signInStaff(app, db);
    const annaId = signIn.json().customer.id as string;
    const relationship = (await get(staff, `/api/customers/${annaId}`)).json();
    expect(relationship.tier).toMatchObject({ class: 'mvc', strategy: expect.any(String) });
    expect(relationship.value.lifetimeRevenueCents).toBeGreaterThan(0);
    expect(relationship.orders.length).toBeGreaterThan(0);
    expect(relationship.recentInteractions.length).toBeGreaterThan(0);
    const classes = new Set<string>();
    const customers = await db.selectFrom('customers').select('id').limit(120).execute();
    for (const { id } of customers) classes.add((await get(staff, `/api/customers/${id}`)).json().tier.class);
    expect([...classes].sort()).toEqual(['bzc', 'mgc', 'mvc', 'normal']);
  });
});

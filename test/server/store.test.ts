import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  indexCatalog,
  structuralProblems,
  validateCatalog,
  violations,
  type Build,
  type Catalog,
} from '../../src/core/catalog/index.ts';
import { verifyPassword } from '../../src/server/auth/password.ts';
import { catalogEntry, createCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import {
  findBuildById,
  insertBuild,
  listBuildsOfCustomer,
} from '../../src/server/store/builds.repository.ts';
import {
  findCatalogVersion,
  recordCatalogVersion,
} from '../../src/server/store/catalog-versions.repository.ts';
import {
  findCustomerByNumber,
  findCustomerByUserId,
  insertCustomer,
  listCustomers,
} from '../../src/server/store/customers.repository.ts';
import {
  appendInteraction,
  listInteractionsOfCustomer,
} from '../../src/server/store/interactions.repository.ts';
import { migrateAllDown, migrateToLatest } from '../../src/server/store/migrate.ts';
import { DEMO_PASSWORD, demoUsers, recordLoadedCatalogs, seedDemoData } from '../../src/server/store/seed.ts';
import { countUsers, findUserByEmail, insertUser } from '../../src/server/store/users.repository.ts';
import { testDatabases, type OpenStore } from './databases.ts';
import { miniPc, tinyCar } from './fixtures.ts';

const tables = [
  'approval_requests',
  'builds',
  'catalog_draft_revisions',
  'catalog_drafts',
  'catalog_versions',
  'config_sessions',
  'customer_preferences',
  'customer_search_terms',
  'customers',
  'guest_interactions',
  'interactions',
  'order_status_changes',
  'orders',
  'outbox_mails',
  'quotes',
  'recommendation_events',
  'server_secrets',
  'sessions',
  'sign_in_failures',
  'sign_up_requests',
  'users',
];
const catalogs: Catalog[] = [
  validateCatalog(miniPc, 'mini-pc.json'),
  validateCatalog(tinyCar, 'tiny-car.json'),
];

describe.each(testDatabases)('store on $label', ({ skip, open }) => {
  // Hooks return early too, so a skipped dialect never tries to connect.
  const test = it.skipIf(skip !== undefined);
  let opened: OpenStore | undefined;
  const store = () => {
    if (!opened) throw new Error('store not open');
    return opened.store;
  };
  const db = () => store().db;
  // On PostgreSQL introspection sees every schema of the cluster; only this test's own counts.
  const ownTables = async () =>
    (await db().introspection.getTables())
      .filter((t) => t.schema === store().schema)
      .map((t) => t.name)
      .sort();

  beforeEach(async () => {
    if (skip) return;
    opened = await open();
    await migrateToLatest(store());
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  test('migrations create every table, and running them again does nothing', async () => {
    expect(await ownTables()).toEqual(tables);
    expect(await migrateToLatest(store())).toEqual([]);
  });

  test('migrations down remove every table, and up works again after', async () => {
    const undone = await migrateAllDown(store());
    expect(undone.length).toBeGreaterThan(10);
    expect(await ownTables()).toEqual([]);
    expect(await migrateToLatest(store())).toEqual([...undone].reverse());
  });

  test('the seed creates the demo logins, customers, builds and history — once, quickly', async () => {
    const started = performance.now();
    const first = await seedDemoData(db(), catalogs);
    if (store().dialect === 'sqlite') expect(performance.now() - started).toBeLessThan(5000);
    expect(first).toMatchObject({ seeded: true, users: demoUsers.length, customers: 240 });
    expect(first.builds).toBeGreaterThanOrEqual(2);
    expect(first.orders).toBeGreaterThan(200);
    expect(first.quotes).toBeGreaterThan(50);
    expect(first.interactions).toBeGreaterThan(first.customers);

    for (const [email, role] of [
      ['anna@example.com', 'customer'],
      ['sam@example.com', 'sales'],
      ['mia@example.com', 'store_manager'],
      ['cara@example.com', 'catalog'],
    ] as const) {
      const user = await findUserByEmail(db(), email);
      expect(user?.role).toBe(role);
      expect(await verifyPassword(DEMO_PASSWORD, user?.password_hash ?? '')).toBe(true);
    }
    const anna = await findUserByEmail(db(), 'ANNA@example.com');
    const annaCustomer = await findCustomerByUserId(db(), anna?.id ?? '');
    expect(annaCustomer?.customer_number).toBe('C-000001');
    const builds = await listBuildsOfCustomer(db(), annaCustomer?.id ?? '');
    expect(builds.map((b) => b.catalog_id).sort()).toEqual(['mini-pc', 'tiny-car']);
    expect(builds[0]?.price_cents).toBeTypeOf('number');
    // Every seeded order is a complete build that breaks no rule of its catalog.
    const indexes = new Map(catalogs.map((c) => [c.id, indexCatalog(c)]));
    const orders = await db().selectFrom('orders').select(['catalog_id', 'selections']).execute();
    for (const order of orders) {
      const index = indexes.get(order.catalog_id);
      if (!index) throw new Error(`unknown catalog ${order.catalog_id}`);
      const build = JSON.parse(order.selections) as Build;
      expect(structuralProblems(index, build, true)).toEqual([]);
      expect(violations(index, build)).toEqual([]);
    }
    const channels = await db().selectFrom('interactions').select('channel').distinct().execute();
    expect(channels.map((c) => c.channel).sort()).toEqual(['phone', 'store', 'web']);

    const again = await seedDemoData(db(), catalogs);
    expect(again.seeded).toBe(false);
    expect(await countUsers(db())).toBe(demoUsers.length);
    expect(await listCustomers(db(), { limit: 1000 })).toHaveLength(240);
  });

  test('the seed is deterministic', async () => {
    await seedDemoData(db(), catalogs);
    const other = await open();
    try {
      await migrateToLatest(other.store);
      await seedDemoData(other.store.db, catalogs);
      const strip = (rows: { id: string; name: string; created_at: string; birthday: string | null }[]) =>
        rows.map(({ id, name, created_at, birthday }) => ({ id, name, created_at, birthday }));
      expect(strip(await listCustomers(other.store.db, { limit: 1000 }))).toEqual(
        strip(await listCustomers(db(), { limit: 1000 })),
      );
      const orders = (d: typeof db extends () => infer D ? D : never) =>
        d.selectFrom('orders').select(['id', 'total_cents', 'created_at']).orderBy('id').execute();
      expect(await orders(other.store.db)).toEqual(await orders(db()));
    } finally {
      await other.close();
    }
  });

  test('repositories round-trip rows, with timestamps as ISO strings and JSON parsed', async () => {
    const user = await insertUser(db(), {
      email: 'Pat@Example.com',
      name: 'Pat',
      role: 'sales',
      password_hash: null,
    });
    expect(user.email).toBe('pat@example.com');
    expect(user.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(
      insertUser(db(), { email: 'pat@example.com', name: 'Twin', role: 'customer', password_hash: null }),
    ).rejects.toThrow();

    const customer = await insertCustomer(db(), {
      customer_number: 'C-900001',
      user_id: null,
      email: 'pat@example.com',
      phone: '+44 20 7946 0000',
      name: 'Pat Doe',
      birthday: '1990-02-28',
      created_at: '2026-03-01T10:00:00.000Z',
    });
    const found = await findCustomerByNumber(db(), 'C-900001');
    expect(found).toEqual(customer);
    expect(found?.birthday).toBe('1990-02-28');
    expect(found?.created_at).toBe('2026-03-01T10:00:00.000Z');

    // More than 2^31 cents: price_cents is bigint on PostgreSQL and must come back as a number.
    const build = await insertBuild(db(), {
      customer_id: customer.id,
      guest_id: null,
      catalog_id: 'mini-pc',
      catalog_version: '2026.11.0',
      name: 'Office',
      selections: { cpu: { 'ryzen-5': 1 }, board: { b650: 1 } },
      price_cents: 3_000_000_000,
    });
    expect(await findBuildById(db(), build.id)).toEqual(build);
    expect(build.price_cents).toBe(3_000_000_000);
    expect(build.selections).toEqual({ cpu: { 'ryzen-5': 1 }, board: { b650: 1 } });

    const older = await appendInteraction(db(), {
      customer_id: customer.id,
      channel: 'phone',
      actor_user_id: user.id,
      kind: 'note',
      catalog_id: null,
      catalog_version: null,
      payload: { text: 'Called about delivery' },
      created_at: '2026-03-02T09:00:00.000Z',
    });
    const newer = await appendInteraction(db(), {
      customer_id: customer.id,
      channel: 'web',
      actor_user_id: null,
      kind: 'build.saved',
      catalog_id: 'mini-pc',
      catalog_version: '2026.11.0',
      payload: { buildId: build.id },
      created_at: '2026-03-03T09:00:00.000Z',
    });
    expect(await listInteractionsOfCustomer(db(), customer.id)).toEqual([newer, older]);
    expect(older.payload).toEqual({ text: 'Called about delivery' });
  });

  test('constraints reject a role or channel outside the allowed values', async () => {
    await expect(
      db()
        .insertInto('users')
        .values({
          id: 'u1',
          email: 'x@example.com',
          name: 'X',
          role: 'admin' as 'sales',
          password_hash: null,
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();
    const customer = await insertCustomer(db(), {
      customer_number: 'C-1',
      user_id: null,
      email: 'c@example.com',
      phone: '',
      name: 'C',
      birthday: null,
    });
    await expect(
      appendInteraction(db(), {
        customer_id: customer.id,
        channel: 'fax' as 'web',
        actor_user_id: null,
        kind: 'note',
        catalog_id: null,
        catalog_version: null,
        payload: {},
      }),
    ).rejects.toThrow();
  });

  test('catalog versions are recorded once and a changed file under the same version is a conflict', async () => {
    const registry = createCatalogRegistry(catalogs.map((c) => catalogEntry(c, `${c.id}.json`)));
    const outcomes = await recordLoadedCatalogs(db(), registry);
    expect(outcomes.map((o) => o.outcome)).toEqual(['inserted', 'inserted']);
    expect((await recordLoadedCatalogs(db(), registry)).map((o) => o.outcome)).toEqual([
      'unchanged',
      'unchanged',
    ]);

    const [pc] = catalogs;
    if (!pc) throw new Error('fixture missing');
    const edited = catalogEntry({ ...pc, name: 'Renamed' }, 'mini-pc.json');
    const input = { catalogId: 'mini-pc', version: '2026.11.0', contentHash: edited.hash, json: edited.json };
    expect(await recordCatalogVersion(db(), input)).toBe('conflict');
    const stored = await findCatalogVersion(db(), 'mini-pc', '2026.11.0');
    expect(validateCatalog(JSON.parse(stored?.json ?? 'null'), 'stored').name).toBe('Mini PC');
  });
});

/**
 * Interaction-log benchmark (issue 5): sustained `POST /api/interactions` writes under ≥ 50 concurrent connections
 * on loopback, next to the raw insert rate of the same database in the same run. One JSON line per run.
 * Run: npx tsx bench/server.ts   (SQLite in a temp file; PostgreSQL in a fresh schema when DATABASE_URL is set)
 * Env: BENCH_CONNECTIONS (50), BENCH_SECONDS (10), BENCH_CUSTOMERS (50).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadCatalogRegistry } from '../src/server/catalogs/registry.ts';
import { createStore, type Store } from '../src/server/store/database.ts';
import { newId } from '../src/server/store/ids.ts';
import { migrateToLatest } from '../src/server/store/migrate.ts';
import { recordLoadedCatalogs } from '../src/server/store/seed.ts';

const connections = Math.max(50, Number(process.env.BENCH_CONNECTIONS ?? 50));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const customerCount = Number(process.env.BENCH_CUSTOMERS ?? 50);
const RAW_SECONDS = 3;
const BATCH = 100;

async function freshStore(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const store = createStore({ dialect: 'postgres', connectionString: url, searchPath: schema });
    return {
      store,
      cleanup: async () => {
        await store.db.destroy();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-db-'));
  const store = createStore({ dialect: 'sqlite', file: join(dir, 'bench.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows per second of `insert` over about RAW_SECONDS. */
async function rate(insert: () => Promise<number>): Promise<number> {
  const start = performance.now();
  let rows = 0;
  while (performance.now() - start < RAW_SECONDS * 1000) rows += await insert();
  return rows / ((performance.now() - start) / 1000);
}

const { store, cleanup } = await freshStore();
try {
  await migrateToLatest(store);
  const catalogs = await loadCatalogRegistry('configs/catalogs');
  await recordLoadedCatalogs(store.db, catalogs);
  const app = await buildApp({ db: store.db, dialect: store.dialect, catalogs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const cookies: string[] = [];
  for (let i = 0; i < customerCount; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: `bench${i}@example.com`, password: 'benchmark1', name: `Bench ${i}` },
    });
    const sid = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('sid='));
    if (res.statusCode !== 201 || !sid) throw new Error(`sign-up failed: ${res.body}`);
    cookies.push(sid.split(';')[0] ?? '');
  }
  const pc = catalogs.get('pc')?.catalog;
  if (!pc) throw new Error('bench needs configs/catalogs/pc.json');
  const gpu = pc.slots.find((s) => s.id === 'gpu');
  const body = JSON.stringify({
    events: [
      {
        kind: 'config.chose',
        catalogId: pc.id,
        catalogVersion: pc.version,
        slotId: 'gpu',
        optionId: gpu?.options[0]?.id,
      },
    ],
  });

  let nextClient = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/interactions`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body,
    // Each connection is one signed-in customer (round-robin), as real browsers would be.
    setupClient: (client) => {
      client.setHeaders({
        'content-type': 'application/json',
        cookie: cookies[nextClient++ % cookies.length] ?? '',
      });
    },
  });
  await app.close();

  const ok = result['2xx'];
  const writesPerS = ok / (result.duration || seconds);

  // Raw inserts into the same table of the same database, one row per statement and in batches.
  const customer = await store.db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
  const row = () => ({
    id: newId(),
    customer_id: customer.id,
    channel: 'web' as const,
    actor_user_id: null,
    kind: 'config.chose',
    catalog_id: pc.id,
    catalog_version: pc.version,
    payload: '{"slotId":"gpu","optionId":"x","quantity":1}',
    created_at: new Date().toISOString(),
  });
  const single = await rate(async () => {
    await store.db.insertInto('interactions').values(row()).execute();
    return 1;
  });
  const batched = await rate(async () => {
    await store.db
      .insertInto('interactions')
      .values(Array.from({ length: BATCH }, row))
      .execute();
    return BATCH;
  });

  console.log(
    JSON.stringify({
      bench: 'server',
      db: store.dialect,
      connections,
      duration_s: result.duration,
      requests: result.requests.total,
      non_2xx: result.non2xx,
      errors: result.errors,
      writes_per_s: Math.round(writesPerS),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      raw_insert_per_s: Math.round(single),
      raw_batched_insert_per_s: Math.round(batched),
      ratio: Number((writesPerS / single).toFixed(3)),
    }),
  );
} finally {
  await cleanup();
}

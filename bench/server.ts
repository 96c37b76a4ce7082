/**
 * Server load benchmark (issue 19 §8): `npm run bench:server`. The app on loopback with the demo data (seedDemoData,
 * BENCH_SEED_CUSTOMERS extra customers), autocannon in worker threads, BENCH_CONNECTIONS connections for
 * BENCH_SECONDS per scenario:
 *   catalog             GET /api/catalogs/pc, Accept-Encoding: gzip (every configurator page starts here)
 *   catalog-revalidate  the same with If-None-Match: what a returning browser sends (304s)
 *   price               POST /api/prices, signed-in customers, valid builds in turn (their own prices)
 *   interaction         POST /api/interactions, signed-in customers (one config.chose each)
 *   customer-search     GET /api/customers?q=<2–5 letters of a customer's name>, a sales user
 * then the raw insert rate of the same interactions table in the same database, one row per statement (autocommit),
 * the honest ceiling for one durable write per request. One JSON line per scenario, one per goal (pass/fail).
 * SQLite in a temp file (WAL, synchronous as the app sets it: reported); PostgreSQL in a fresh schema when
 * DATABASE_URL is set. Keep other load off the machine while it runs (5 × BENCH_SECONDS plus seeding).
 * Env: BENCH_CONNECTIONS (200), BENCH_SECONDS (30), BENCH_CUSTOMERS signed-in customers (200),
 * BENCH_SEED_CUSTOMERS (2000), BENCH_SCENARIOS (all; a comma-separated subset while iterating),
 * BENCH_SQLITE_SYNCHRONOUS (as the app leaves it; FULL to fsync every commit), BENCH_LOAD_THREADS autocannon threads
 * sharing the connections (2).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance as nodePerformance } from 'node:perf_hooks';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { indexCatalog } from '../src/core/catalog/index.ts';
import { buildApp } from '../src/server/app.ts';
import { runInThread } from '../src/server/catalogs/in-thread.ts';
import { loadCatalogRegistry } from '../src/server/catalogs/registry.ts';
import { createStore, type Store } from '../src/server/store/database.ts';
import { newId } from '../src/server/store/ids.ts';
import { migrateToLatest } from '../src/server/store/migrate.ts';
import { buildFactory } from '../src/server/store/seed-builds.ts';
import { prng } from '../src/server/store/seed-random.ts';
import { DEMO_PASSWORD, recordLoadedCatalogs, seedDemoData } from '../src/server/store/seed.ts';
import type { LoadJob } from './server-load.worker.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const customerCount = Number(process.env.BENCH_CUSTOMERS ?? 200);
const seedCustomers = Number(process.env.BENCH_SEED_CUSTOMERS ?? 2000);
const only = process.env.BENCH_SCENARIOS?.split(',');
const loadThreads = Math.max(1, Number(process.env.BENCH_LOAD_THREADS ?? 2));
const synchronousSetting = process.env.BENCH_SQLITE_SYNCHRONOUS;
const RAW_SECONDS = 5;
/** What the catalog route did before it was cached (issue 19 §8: gzip per request, 150 connections). */
const CATALOG_BEFORE_PER_S = 320;

// Not in @types/autocannon: merges the encoded results of runs in worker threads.
const { aggregateResult } = autocannon as unknown as {
  aggregateResult: (results: unknown[], options: { url: string; connections: number }) => Result;
};

/**
 * The connections spread over `loadThreads` autocannon threads (one thread's parsing of 200 connections' replies
 * can be slower than the server), their clients' cookies with them; one result for all.
 */
async function load(job: Omit<LoadJob, 'url' | 'connections' | 'seconds'>, url: string): Promise<Result> {
  const raws = await Promise.all(
    Array.from({ length: loadThreads }, (_, i) => {
      const share = Math.floor(connections / loadThreads) + (i < connections % loadThreads ? 1 : 0);
      return runInThread<unknown>(new URL('./server-load.worker.ts', import.meta.url), {
        ...job,
        cookies: job.cookies.filter((_, c) => job.cookies.length === 1 || c % loadThreads === i),
        url,
        connections: share,
        seconds,
      } satisfies LoadJob);
    }),
  );
  return aggregateResult(raws, { url, connections });
}

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

/** The session cookie (`sid=…`) of a reply. */
function sessionCookie(res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  const sid = [res.headers['set-cookie']].flat().find((c) => typeof c === 'string' && c.startsWith('sid='));
  if (res.statusCode >= 300 || typeof sid !== 'string') throw new Error(`no session: ${res.body}`);
  return sid.split(';')[0] ?? '';
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

const { store, cleanup } = await freshStore();
try {
  await migrateToLatest(store);
  // One connection (Kysely's SQLite dialect), so the pragma holds for the whole run.
  if (store.dialect === 'sqlite' && synchronousSetting)
    await sql.raw(`pragma synchronous = ${synchronousSetting.replace(/[^a-z0-9]/gi, '')}`).execute(store.db);
  const catalogs = await loadCatalogRegistry('configs/catalogs');
  await recordLoadedCatalogs(store.db, catalogs);
  const seeded = await seedDemoData(
    store.db,
    catalogs.list().map((e) => e.catalog),
    { extraCustomers: seedCustomers },
  );
  // The mailbox, so the bench's customers open their sign-up links as the demo's do.
  const app = await buildApp({ db: store.db, dialect: store.dialect, catalogs, mailboxView: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // Each from its own address, as real customers are (sign-up and sign-in are rate limited per address).
  const remoteAddress = (i: number) => `10.77.${(i >> 8) & 255}.${i & 255}`;
  const customers: string[] = [];
  for (let i = 0; i < customerCount; i++) {
    const email = `bench${i}@example.com`;
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      remoteAddress: remoteAddress(i),
      payload: { email, password: 'benchmark1', name: `Bench ${i}` },
    });
    const mailbox = await app.inject({ method: 'GET', url: `/api/dev/mailbox?to=${email}` });
    const link = new URL(mailbox.json<{ mails: { link: string }[] }>().mails[0]?.link ?? '');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/confirm',
      remoteAddress: remoteAddress(i),
      payload: { token: link.searchParams.get('token') },
    });
    customers.push(sessionCookie(res));
  }
  const staff = sessionCookie(
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: remoteAddress(customerCount),
      payload: { email: 'sam@example.com', password: DEMO_PASSWORD },
    }),
  );

  const pc = catalogs.get('pc')?.catalog;
  if (!pc) throw new Error('bench needs configs/catalogs/pc.json');
  const rng = prng(20261206);
  const factory = buildFactory(rng, indexCatalog(pc));
  const priceBodies = Array.from({ length: 16 }, () =>
    JSON.stringify({
      catalogId: pc.id,
      catalogVersion: pc.version,
      selections: factory.build(rng, { budget: rng(), favourites: {} }),
    }),
  );
  const gpu = pc.slots.find((s) => s.id === 'gpu');
  const interactionBodies = (gpu?.options ?? []).slice(0, 8).map((option) =>
    JSON.stringify({
      events: [
        {
          kind: 'config.chose',
          catalogId: pc.id,
          catalogVersion: pc.version,
          slotId: 'gpu',
          optionId: option.id,
        },
      ],
    }),
  );
  const names = await store.db.selectFrom('customers').select('name').limit(200).execute();
  const searches = names.map(({ name }, i) => {
    const words = name.split(' ');
    const word = words[i % words.length] ?? name;
    return `/api/customers?q=${encodeURIComponent(word.slice(0, 2 + (i % 4)))}`;
  });
  const etag = String(
    (await app.inject({ url: '/api/catalogs/pc', headers: { 'accept-encoding': 'gzip' } })).headers.etag,
  );

  const json = { 'content-type': 'application/json' };
  const scenarios: (Omit<LoadJob, 'url' | 'connections' | 'seconds'> & { scenario: string; ok: number })[] = [
    {
      scenario: 'catalog',
      method: 'GET',
      headers: { 'accept-encoding': 'gzip' },
      cookies: [],
      requests: [{ path: '/api/catalogs/pc' }],
      ok: 200,
    },
    {
      scenario: 'catalog-revalidate',
      method: 'GET',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
      cookies: [],
      requests: [{ path: '/api/catalogs/pc' }],
      ok: 304,
    },
    {
      scenario: 'price',
      method: 'POST',
      headers: json,
      cookies: customers,
      requests: priceBodies.map((body) => ({ path: '/api/prices', body })),
      ok: 200,
    },
    {
      scenario: 'interaction',
      method: 'POST',
      headers: json,
      cookies: customers,
      requests: interactionBodies.map((body) => ({ path: '/api/interactions', body })),
      ok: 201,
    },
    {
      scenario: 'customer-search',
      method: 'GET',
      headers: {},
      cookies: [staff],
      requests: searches.map((path) => ({ path })),
      ok: 200,
    },
  ];

  const synchronous =
    store.dialect === 'sqlite'
      ? (await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db)).rows[0]?.synchronous
      : undefined;
  const db = { db: store.dialect, ...(synchronous !== undefined && { sqliteSynchronous: synchronous }) };
  console.log(
    JSON.stringify({ bench: 'server', ...db, seeded: seeded.customers, signedIn: customers.length }),
  );

  const rates = new Map<string, number>();
  let failures = 0;
  for (const { scenario, ok, ...job } of scenarios.filter((s) => !only || only.includes(s.scenario))) {
    // One request first: the caches a first visitor fills are not what is measured.
    for (const r of job.requests.slice(0, 1))
      await app.inject({
        method: job.method,
        url: r.path,
        headers: { ...job.headers, cookie: job.cookies[0] ?? '' },
        ...(r.body && { payload: r.body }),
      });
    // The server runs on this thread; the load generator in another one, on the same cores.
    const loopBefore = nodePerformance.eventLoopUtilization();
    const result = await load(job, origin);
    const codes = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    );
    const okCount = codes[String(ok)] ?? 0;
    const unexpected = result.requests.total - okCount;
    failures += result.errors + unexpected;
    const perS = okCount / (result.duration || seconds);
    const serverBusy = nodePerformance.eventLoopUtilization(loopBefore).utilization;
    rates.set(scenario, perS);
    console.log(
      JSON.stringify({
        bench: 'server',
        scenario,
        ...db,
        connections,
        seconds: round(result.duration, 1),
        reqPerSec: round(perS),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        unexpectedStatus: unexpected,
        statusCodes: codes,
        // The share of the run the server's thread was busy: below 1, the load generator was the limit.
        serverBusy: round(serverBusy, 2),
      }),
    );
  }
  await app.close();

  // The same table of the same database, one durable row per statement: what one write per request can reach.
  const customer = await store.db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
  const start = performance.now();
  let rows = 0;
  while (performance.now() - start < RAW_SECONDS * 1000) {
    await store.db
      .insertInto('interactions')
      .values({
        id: newId(),
        customer_id: customer.id,
        channel: 'web',
        actor_user_id: null,
        kind: 'config.chose',
        catalog_id: pc.id,
        catalog_version: pc.version,
        payload: '{"slotId":"gpu","optionId":"x","quantity":1}',
        created_at: new Date().toISOString(),
      })
      .execute();
    rows++;
  }
  const raw = rows / ((performance.now() - start) / 1000);
  console.log(JSON.stringify({ bench: 'server', scenario: 'raw-insert', ...db, rowsPerSec: round(raw) }));

  const catalog = rates.get('catalog') ?? 0;
  const writes = rates.get('interaction') ?? 0;
  const goals = [
    {
      goal: 'catalog reads ≥ 10 × 320 req/s',
      value: round(catalog),
      target: 10 * CATALOG_BEFORE_PER_S,
      pass: catalog >= 10 * CATALOG_BEFORE_PER_S,
    },
    {
      goal: 'interaction writes ≥ 0.5 × raw inserts',
      value: round(writes / raw, 3),
      target: 0.5,
      pass: writes >= 0.5 * raw,
    },
    { goal: 'no errors or unexpected statuses', value: failures, target: 0, pass: failures === 0 },
  ];
  for (const goal of goals) console.log(JSON.stringify({ bench: 'server', ...goal }));
  if (goals.some((g) => !g.pass)) process.exitCode = 1;
} finally {
  await cleanup();
}

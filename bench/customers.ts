/**
 * Customer search benchmark (issue 17): 100,000 generated customers with their search terms, then ≥ 200 searches
 * for 2–5 letter prefixes of real name words (what staff type while the customer spells their name) through the
 * indexed term search the console uses (`searchCustomers`), and the same prefixes through the naive query it
 * replaced (`lower(name) like '%q%' or …` over every customer) as the baseline, in the same run.
 * One JSON line per database: p50/p95 in ms. SQLite in a temp file always; PostgreSQL in a fresh schema when
 * DATABASE_URL is set, else one line saying it is skipped.
 * Run: npm run bench:customers   Env: BENCH_CUSTOMERS (100000), BENCH_SEARCHES (200).
 * Measured 2026-12-05 on 2 shared cores (other jobs running), 100,000 customers: SQLite p50 1.0 ms / p95 7.3 ms
 * (naive 50 / 146 ms); PostgreSQL 15 p50 4.3 ms / p95 20.5 ms (naive 152 / 217 ms).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { fold } from '../src/core/profile/search-terms.ts';
import { searchCustomers, searchTermRows } from '../src/server/store/customer-search.repository.ts';
import { formatCustomerNumber, normalizePhone } from '../src/server/store/customers.repository.ts';
import { createStore, type Store } from '../src/server/store/database.ts';
import { migrateToLatest } from '../src/server/store/migrate.ts';
import { pick, prng, seededId, type Rng } from '../src/server/store/seed-random.ts';

const customerCount = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const searches = Math.max(200, Number(process.env.BENCH_SEARCHES ?? 200));
const CHUNK = 400;

const firstNames = [
  'Anna',
  'Jürgen',
  'Zoë',
  'Mia',
  'Sam',
  'Léa',
  'Björn',
  'Chloé',
  'Noah',
  'Emil',
  'Ida',
  'Luca',
  'Mateo',
  'Sofía',
  'Ömer',
  'Hannah',
  'Jonas',
  'Ella',
  'Karl',
  'Marta',
  'Wei',
  'Fang',
  'Olivia',
  'Paul',
  'Greta',
  'Felix',
  'Nora',
  'Ben',
  'Lina',
  'Theo',
];
const lastNames = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Nowak',
  'Dubois',
  'García',
  'Rossi',
  'Novák',
  'Jensen',
  'Ødegård',
  'Łukasz',
  'Berger',
  'Huber',
  'Bauer',
  'Vogel',
];

async function freshStores(): Promise<{ store?: Store; skipped?: string; cleanup: () => Promise<void> }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-customers-'));
  const sqlite = createStore({ dialect: 'sqlite', file: join(dir, 'bench.sqlite') });
  const stores: { store?: Store; skipped?: string; cleanup: () => Promise<void> }[] = [
    {
      store: sqlite,
      cleanup: async () => {
        await sqlite.db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (!url)
    return [...stores, { skipped: 'postgres: DATABASE_URL not set; skipped', cleanup: async () => {} }];
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const store = createStore({ dialect: 'postgres', connectionString: url, searchPath: schema });
  stores.push({
    store,
    cleanup: async () => {
      await store.db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  });
  return stores;
}

function generate(rng: Rng) {
  return Array.from({ length: customerCount }, (_, n) => {
    const first = pick(rng, firstNames);
    const last = pick(rng, lastNames);
    const phone = `+49 ${Math.floor(rng() * 900) + 100} ${Math.floor(rng() * 9_000_000) + 1_000_000}`;
    return {
      id: seededId(rng),
      customer_number: formatCustomerNumber(n + 1),
      user_id: null,
      email: fold(`${first}.${last}${n}@example.com`).replace(/[^a-z0-9.@]/g, ''),
      phone,
      phone_normalized: normalizePhone(phone),
      name: `${first} ${last}`,
      birthday: null,
      created_at: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    };
  });
}

const percentile = (sorted: number[], p: number) =>
  Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(3));

async function timed(queries: readonly string[], run: (q: string) => Promise<unknown>) {
  const ms: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    await run(q);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

async function bench(store: Store) {
  const { db } = store;
  await migrateToLatest(store);
  const rng = prng(20261205);
  const customers = generate(rng);
  const loadStart = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < customers.length; i += CHUNK)
      await trx
        .insertInto('customers')
        .values(customers.slice(i, i + CHUNK))
        .execute();
    const terms = searchTermRows(customers);
    for (let i = 0; i < terms.length; i += CHUNK * 2)
      await trx
        .insertInto('customer_search_terms')
        .values(terms.slice(i, i + CHUNK * 2))
        .execute();
  });
  // Fresh statistics, as autovacuum or a long-running SQLite database would have them.
  await sql`analyze`.execute(db);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const queries = Array.from({ length: searches }, () => {
    const words = `${pick(rng, firstNames)} ${pick(rng, lastNames)}`.split(' ');
    return pick(rng, words).slice(0, 2 + Math.floor(rng() * 4));
  });
  // The look-up this search replaced: a substring match over every customer, no index can serve it.
  const naive = (q: string) => {
    const like = `%${q.toLowerCase()}%`;
    return db
      .selectFrom('customers')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(name)`, 'like', like),
          eb(sql<string>`lower(email)`, 'like', like),
          eb('phone_normalized', 'like', like),
          eb(sql<string>`lower(customer_number)`, 'like', like),
        ]),
      )
      .orderBy('name')
      .limit(20)
      .execute();
  };
  await timed(queries.slice(0, 20), (q) => searchCustomers(db, q)); // warm caches and plans for both
  await timed(queries.slice(0, 20), naive);
  const indexed = await timed(queries, (q) => searchCustomers(db, q));
  const baseline = await timed(queries, naive);
  const hits = (await searchCustomers(db, queries[0] ?? 'an')).length;
  return { indexed, baseline, loadSeconds: Number(loadSeconds.toFixed(1)), firstQueryHits: hits };
}

for (const { store, skipped, cleanup } of await freshStores()) {
  try {
    if (!store) {
      console.log(JSON.stringify({ bench: 'customer-search', skipped }));
      continue;
    }
    const result = await bench(store);
    console.log(
      JSON.stringify({
        bench: 'customer-search',
        db: store.dialect,
        customers: customerCount,
        searches,
        unit: 'ms',
        ...result,
      }),
    );
  } finally {
    await cleanup();
  }
}

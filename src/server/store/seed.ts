import type { Kysely } from 'kysely';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { hashPassword } from '../auth/password.ts';
import type { CatalogRegistry } from '../catalogs/registry.ts';
import { insertBuild } from './builds.repository.ts';
import { recordCatalogVersion, type RecordOutcome } from './catalog-versions.repository.ts';
import { insertCustomer } from './customers.repository.ts';
import type { Database } from './database.ts';
import { appendInteraction } from './interactions.repository.ts';
import type { InteractionChannel } from './interactions.table.ts';
import { countUsers, insertUser } from './users.repository.ts';
import type { UserRole } from './users.table.ts';

export const DEMO_PASSWORD = 'demo1234';

/** The logins printed in the README; the first is also a customer with history. */
export const demoUsers: readonly { email: string; name: string; role: UserRole }[] = [
  { email: 'anna@example.com', name: 'Anna Berger', role: 'customer' },
  { email: 'sam@example.com', name: 'Sam Okafor', role: 'sales' },
  { email: 'cara@example.com', name: 'Cara Lindqvist', role: 'catalog' },
];

export interface SeedOptions {
  /** PRNG seed: same seed and catalogs, same data (except password salts). */
  seed?: number;
  /** Customers besides Anna. */
  extraCustomers?: number;
}

export interface SeedResult {
  seeded: boolean;
  users: number;
  customers: number;
  builds: number;
  interactions: number;
}

/** mulberry32: tiny, fast and good enough for demo data; Math.random cannot be seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A UUID-shaped id from the PRNG, so seeded rows look like real ones yet are reproducible. */
function seededId(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

// A fixed "now" keeps the data identical across runs; real rows use the clock.
const SEED_EPOCH = Date.parse('2026-11-01T09:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (rng: Rng, maxDays: number) =>
  new Date(SEED_EPOCH - int(rng, 0, maxDays * 24) * (DAY / 24)).toISOString();

const firstNames = [
  'Lena',
  'Jonas',
  'Mia',
  'Elias',
  'Sofia',
  'Noah',
  'Emma',
  'Luca',
  'Hanna',
  'Paul',
  'Clara',
  'Ben',
];
const lastNames = [
  'Schmidt',
  'Novak',
  'Rossi',
  'Dubois',
  'Jensen',
  'Kowalski',
  'Garcia',
  'Weber',
  'Moreau',
  'Fischer',
];

/**
 * Random choices per slot that respect slot kinds and quantities. They do not yet respect the catalog's rules.
 * TODO(issue 3): run them through the engine's repair/complete once it exists so demo builds are valid.
 */
function randomSelections(rng: Rng, catalog: Catalog): BuildSelections {
  const selections: BuildSelections = {};
  for (const slot of catalog.slots) {
    if (slot.kind === 'optional' && rng() < 0.5) continue;
    const option = pick(rng, slot.options);
    const min = Math.max(1, slot.quantity?.min ?? 1);
    const max = Math.min(slot.quantity?.max ?? 1, slot.kind === 'multi' ? option.maxQuantity : Infinity);
    selections[slot.id] = { [option.id]: int(rng, min, Math.max(min, max)) };
  }
  return selections;
}

/** Base price plus chosen options. TODO(issue 3): use core/pricing (packages, price rules) once it exists. */
function roughPriceCents(catalog: Catalog, selections: BuildSelections): number {
  let total = catalog.basePrice;
  for (const slot of catalog.slots)
    for (const [optionId, quantity] of Object.entries(selections[slot.id] ?? {}))
      total += (slot.options.find((o) => o.id === optionId)?.price ?? 0) * quantity;
  return Math.round(total * 100);
}

/**
 * Fills an empty store with deterministic demo data: the three demo logins, customers with builds and an
 * interaction history. Does nothing when any user exists, so it is safe on every start.
 * @param catalogs builds are made against these; with none, customers get interactions only.
 */
export async function seedDemoData(
  db: Kysely<Database>,
  catalogs: readonly Catalog[],
  { seed = 20261125, extraCustomers = 8 }: SeedOptions = {},
): Promise<SeedResult> {
  const result: SeedResult = { seeded: false, users: 0, customers: 0, builds: 0, interactions: 0 };
  if ((await countUsers(db)) > 0) return result;
  // scrypt is slow by design; hash before the transaction so it holds no lock meanwhile.
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  const rng = prng(seed);

  await db.transaction().execute(async (trx) => {
    // Re-check inside the transaction: two first starts racing on one PostgreSQL must not seed twice
    // (the unique e-mail makes the loser fail instead).
    if ((await countUsers(trx)) > 0) return;
    const users = [];
    for (const [i, demo] of demoUsers.entries()) {
      users.push(
        await insertUser(trx, {
          ...demo,
          id: seededId(rng),
          password_hash: hashes[i] ?? null,
          created_at: daysAgo(rng, 400),
        }),
      );
    }
    const [anna, sam] = users;
    if (!anna || !sam) throw new Error('demo users missing');
    result.users = users.length;

    for (let n = 0; n <= extraCustomers; n++) {
      const first = n === 0 ? 'Anna' : pick(rng, firstNames);
      const last = n === 0 ? 'Berger' : pick(rng, lastNames);
      const createdAt = daysAgo(rng, 365);
      const customer = await insertCustomer(trx, {
        id: seededId(rng),
        customer_number: `C-${String(n + 1).padStart(6, '0')}`,
        user_id: n === 0 ? anna.id : null,
        email: n === 0 ? anna.email : `${first}.${last}${n}@example.com`.toLowerCase(),
        phone: `+49 30 ${int(rng, 1000000, 9999999)}`,
        name: `${first} ${last}`,
        birthday:
          rng() < 0.8
            ? new Date(Date.UTC(int(rng, 1955, 2004), int(rng, 0, 11), int(rng, 1, 28)))
                .toISOString()
                .slice(0, 10)
            : null,
        created_at: createdAt,
      });
      result.customers++;

      const log = async (
        channel: InteractionChannel,
        kind: string,
        payload: Record<string, unknown>,
        catalog?: Catalog,
      ) => {
        await appendInteraction(trx, {
          id: seededId(rng),
          customer_id: customer.id,
          channel,
          actor_user_id: channel === 'web' ? null : sam.id,
          kind,
          catalog_id: catalog?.id ?? null,
          catalog_version: catalog?.version ?? null,
          payload,
          created_at: daysAgo(rng, 300),
        });
        result.interactions++;
      };

      await log(n % 3 === 0 ? 'web' : 'store', 'customer.registered', {});
      const buildCount = catalogs.length === 0 ? 0 : n === 0 ? 2 : int(rng, 0, 2);
      for (let b = 0; b < buildCount; b++) {
        const catalog = n === 0 ? catalogs[b % catalogs.length] : pick(rng, catalogs);
        if (!catalog) continue;
        const selections = randomSelections(rng, catalog);
        const at = daysAgo(rng, 200);
        const build = await insertBuild(trx, {
          id: seededId(rng),
          customer_id: customer.id,
          guest_id: null,
          catalog_id: catalog.id,
          catalog_version: catalog.version,
          name: `${first}'s ${catalog.name} #${b + 1}`,
          selections,
          price_cents: roughPriceCents(catalog, selections),
          created_at: at,
          updated_at: at,
        });
        result.builds++;
        await log('web', 'build.saved', { buildId: build.id, priceCents: build.price_cents }, catalog);
      }
      if (rng() < 0.5) await log('phone', 'note', { text: 'Asked about delivery times and financing.' });
      if (rng() < 0.3) await log('store', 'store.visit', { text: 'Looked at display models.' });
    }
  });
  result.seeded = result.users > 0;
  return result;
}

/** Records the current version of every loaded catalog (every start, not only the first). */
export async function recordLoadedCatalogs(
  db: Kysely<Database>,
  registry: CatalogRegistry,
): Promise<{ id: string; version: string; file: string; outcome: RecordOutcome }[]> {
  const outcomes = [];
  for (const { catalog, file, json, hash } of registry.list()) {
    const outcome = await recordCatalogVersion(db, {
      catalogId: catalog.id,
      version: catalog.version,
      contentHash: hash,
      json,
    });
    outcomes.push({ id: catalog.id, version: catalog.version, file, outcome });
  }
  return outcomes;
}

import type { Kysely } from 'kysely';
import { indexCatalog, type Build, type Catalog, type CatalogIndex } from '../../core/catalog/index.ts';
import { priceBuild } from '../../core/pricing/price.ts';
import {
  emptyProfile,
  learnChoices,
  ORDER_WEIGHT,
  type Choice,
  type PreferenceProfile,
} from '../../core/profile/preferences.ts';
import { buildCostCents } from '../../core/profile/value.ts';
import { hashPassword } from '../auth/password.ts';
import type { CatalogRegistry } from '../catalogs/registry.ts';
import { recordCatalogVersion, type RecordOutcome } from './catalog-versions.repository.ts';
import { formatCustomerNumber, normalizePhone } from './customers.repository.ts';
import type { Database } from './database.ts';
import type { OrderStatus } from '../../core/orders/status.ts';
import type { InteractionChannel } from './interactions.table.ts';
import { countUsers } from './users.repository.ts';
import type { UserRole } from './users.table.ts';
import { buildFactory, withFavourite, type BuildFactory, type Persona } from './seed-builds.ts';
import { int, pick, prng, type Rng } from './seed-random.ts';
import { SeedRows } from './seed-rows.ts';

export const DEMO_PASSWORD = 'demo1234';

/** The logins printed in the README; the first is also a customer with history. */
export const demoUsers: readonly { email: string; name: string; role: UserRole }[] = [
  { email: 'anna@example.com', name: 'Anna Berger', role: 'customer' },
  { email: 'sam@example.com', name: 'Sam Okafor', role: 'sales' },
  { email: 'mia@example.com', name: 'Mia Novak', role: 'store_manager' },
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
  quotes: number;
  orders: number;
  interactions: number;
}

// A fixed "now" keeps the data identical across runs; real rows use the clock.
export const SEED_EPOCH = Date.parse('2026-11-01T09:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const daysAgo = (rng: Rng, maxDays: number, minDays = 0) =>
  SEED_EPOCH - minDays * DAY - Math.floor(rng() * (maxDays - minDays) * 24) * (DAY / 24);

/**
 * A demo order's status by its age: the last few days' still placed (the console has some to move on), the last
 * weeks' paid, older ones delivered; so the demo tiers, which count paid and delivered orders, still show.
 */
const seededStatus = (at: number): OrderStatus =>
  at > SEED_EPOCH - 5 * DAY ? 'placed' : at > SEED_EPOCH - 21 * DAY ? 'paid' : 'delivered';

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
const visitNotes = ['Looked at display models.', 'Compared two builds with staff.', 'Picked up an order.'];
const callNotes = [
  'Asked about delivery times.',
  'Asked about financing.',
  'Complained about a late delivery.',
];

/** Kinds of customer, so tiers come out varied: loyal buyers, big wallets we barely serve, costly callers. */
type Segment = 'loyal' | 'growable' | 'costly' | 'regular';

interface Catalogued {
  catalog: Catalog;
  index: CatalogIndex;
  factory: BuildFactory;
}

function personaFor(rng: Rng, catalogs: readonly Catalogued[]): Persona {
  const favourites: Record<string, string> = {};
  for (const { catalog } of catalogs)
    for (const [attr, def] of Object.entries(catalog.attributes))
      if (def.type === 'enum' && rng() < 0.5) favourites[attr] = pick(rng, def.values);
  return { budget: rng(), favourites };
}

/**
 * Fills an empty store with deterministic demo data: the three demo logins and 1 + extraCustomers customers with
 * three years of orders, quotes, saved builds, configuration events, store visits and calls, recommendation events
 * and the preferences learned from their choices. Every build is valid against its catalog. Does nothing when any
 * user exists, so it is safe on every start.
 */
export async function seedDemoData(
  db: Kysely<Database>,
  catalogs: readonly Catalog[],
  { seed = 20261125, extraCustomers = 239 }: SeedOptions = {},
): Promise<SeedResult> {
  const result: SeedResult = {
    seeded: false,
    users: 0,
    customers: 0,
    builds: 0,
    quotes: 0,
    orders: 0,
    interactions: 0,
  };
  if ((await countUsers(db)) > 0) return result;
  // scrypt is slow by design; hash before the transaction so it holds no lock meanwhile.
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  const rng = prng(seed);
  const rows = new SeedRows(rng);
  const indexed: Catalogued[] = catalogs.map((catalog) => {
    const index = indexCatalog(catalog);
    return { catalog, index, factory: buildFactory(rng, index) };
  });

  const users = demoUsers.map((demo, i) =>
    rows.user({ ...demo, password_hash: hashes[i] ?? null, created_at: iso(daysAgo(rng, 1200, 1100)) }),
  );
  const [anna, sam] = users;
  if (!anna || !sam) throw new Error('demo users missing');

  for (let n = 0; n <= extraCustomers; n++) {
    const isAnna = n === 0;
    const first = isAnna ? 'Anna' : pick(rng, firstNames);
    const last = isAnna ? 'Berger' : pick(rng, lastNames);
    const r = rng();
    const segment: Segment = isAnna
      ? 'loyal'
      : r < 0.15
        ? 'loyal'
        : r < 0.4
          ? 'growable'
          : r < 0.5
            ? 'costly'
            : 'regular';
    const persona = personaFor(rng, indexed);
    if (isAnna)
      Object.assign(persona, { budget: 0.75, favourites: { ...persona.favourites, gpuBrand: 'NVIDIA' } });
    // Most people shop one catalog; some both.
    const interests = indexed.filter(
      (_, i) => isAnna || (i === n % Math.max(1, indexed.length) ? true : rng() < 0.15),
    );
    const createdAt = daysAgo(rng, 3 * 365 + 60, 3 * 365);
    const phone = `+49 30 ${int(rng, 1000000, 9999999)}`;
    const spendPerCatalog = (c: Catalogued) => {
      const typical = Math.max(100, priceBuild(c.index, c.factory.build(rng, persona)).totalCents);
      const years = c.catalog.id.includes('car') ? int(rng, 4, 8) : int(rng, 1, 3);
      return Math.round((typical / years) * (segment === 'growable' ? 3 : 1 + rng()));
    };
    const birthday =
      rng() < 0.85
        ? new Date(Date.UTC(int(rng, 1955, 2004), int(rng, 0, 11), int(rng, 1, 28)))
            .toISOString()
            .slice(0, 10)
        : null;
    const customer = rows.customer({
      customer_number: formatCustomerNumber(n + 1),
      user_id: isAnna ? anna.id : null,
      email: isAnna ? anna.email : `${first}.${last}${n}@example.com`.toLowerCase(),
      phone,
      phone_normalized: normalizePhone(phone),
      name: `${first} ${last}`,
      birthday,
      // Given when they registered, years ago: their birthday discount applies (issue 19 §4).
      birthday_set_at: birthday === null ? null : iso(createdAt),
      created_at: iso(createdAt),
      estimated_annual_spend_cents: interests.reduce((s, c) => s + spendPerCatalog(c), 0),
    });
    const webActor = isAnna ? anna.id : null;
    rows.interaction(customer.id, 'store', sam.id, 'customer.registered', null, {}, createdAt);
    const choices: { index: CatalogIndex; choice: Choice }[] = [];

    /** Configuration events leading to a build, a few minutes before `at`. */
    const configured = (c: Catalogued, build: Build, at: number) => {
      let t = at - int(rng, 10, 40) * 60_000;
      for (const [slotId, options] of Object.entries(build))
        for (const optionId of Object.keys(options)) {
          if (rng() < 0.5) continue;
          t += int(rng, 10, 90) * 1000;
          rows.interaction(
            customer.id,
            'web',
            webActor,
            'config.chose',
            c.catalog,
            { slotId, optionId, quantity: 1 },
            t,
          );
          choices.push({ index: c.index, choice: { catalogId: c.catalog.id, slotId, optionId, at: iso(t) } });
        }
      rows.interaction(
        customer.id,
        'web',
        webActor,
        'config.completed',
        c.catalog,
        { selections: build },
        t + 5000,
      );
      for (const [slotId, options] of Object.entries(build).slice(0, int(rng, 1, 3))) {
        const optionId = Object.keys(options)[0];
        if (!optionId) continue;
        const source = rng() < 0.6 ? 'preferences' : 'similar-customers';
        rows.recommendation(customer.id, 'shown', c.catalog, slotId, optionId, source, t);
        if (rng() < (source === 'preferences' ? 0.45 : 0.25))
          rows.recommendation(customer.id, 'taken', c.catalog, slotId, optionId, source, t + 2000);
      }
    };

    // Orders over three years: how many depends on the segment.
    for (const c of interests) {
      const car = c.catalog.id.includes('car');
      const count =
        segment === 'loyal'
          ? int(rng, car ? 1 : 3, car ? 2 : 6)
          : segment === 'regular'
            ? int(rng, car ? 0 : 1, car ? 1 : 2)
            : int(rng, 0, 1);
      for (let k = 0; k < count; k++) {
        const at = daysAgo(rng, 3 * 365, 2);
        let build = c.factory.build(rng, persona);
        if (isAnna) build = withFavourite(c.index, build, 'gpuBrand', 'NVIDIA');
        const channel: InteractionChannel = rng() < 0.6 ? 'web' : rng() < 0.75 ? 'store' : 'phone';
        if (channel === 'web') configured(c, build, at);
        const price = priceBuild(c.index, build);
        if (rng() < 0.4) {
          const quoteAt = at - int(rng, 1, 10) * DAY;
          const quote = rows.quote(customer.id, c.catalog, build, price, quoteAt);
          rows.interaction(
            customer.id,
            channel,
            channel === 'web' ? webActor : sam.id,
            'quote.requested',
            c.catalog,
            { quoteId: quote, totalCents: price.totalCents },
            quoteAt,
          );
        }
        const order = rows.order(
          customer.id,
          channel,
          c.catalog,
          build,
          price,
          buildCostCents(c.index, build),
          at,
          seededStatus(at),
        );
        rows.interaction(
          customer.id,
          channel,
          channel === 'web' ? webActor : sam.id,
          'order.placed',
          c.catalog,
          { orderId: order, totalCents: price.totalCents },
          at,
        );
        for (const [slotId, options] of Object.entries(build))
          for (const optionId of Object.keys(options))
            choices.push({
              index: c.index,
              choice: { catalogId: c.catalog.id, slotId, optionId, at: iso(at), weight: ORDER_WEIGHT },
            });
      }
    }

    // Saved builds, recent; Anna's first is a PC with an NVIDIA card.
    const savedCount = isAnna ? indexed.length : int(rng, 0, 2);
    for (let b = 0; b < savedCount && indexed.length > 0; b++) {
      const c = isAnna ? indexed[b] : pick(rng, interests.length ? interests : indexed);
      if (!c) continue;
      const at = daysAgo(rng, 200, 1);
      let build = c.factory.build(rng, persona);
      if (isAnna) build = withFavourite(c.index, build, 'gpuBrand', 'NVIDIA');
      configured(c, build, at);
      const price = priceBuild(c.index, build);
      const name = `${first}'s ${c.catalog.name} #${b + 1}`;
      const id = rows.build(customer.id, c.catalog, name, build, price.totalCents, at);
      rows.interaction(
        customer.id,
        'web',
        webActor,
        'build.saved',
        c.catalog,
        { buildId: id, name, priceCents: price.totalCents },
        at,
      );
      if (rng() < 0.3) {
        const quote = rows.quote(customer.id, c.catalog, build, price, at + DAY);
        rows.interaction(
          customer.id,
          'web',
          webActor,
          'quote.requested',
          c.catalog,
          { quoteId: quote, buildId: id, totalCents: price.totalCents },
          at + DAY,
        );
      }
    }

    // Staff contacts: costly customers call and visit a lot.
    const contacts = segment === 'costly' ? int(rng, 8, 16) : int(rng, 0, 3);
    for (let k = 0; k < contacts; k++) {
      const visit = rng() < 0.5;
      const catalog = interests[0]?.catalog ?? null;
      rows.interaction(
        customer.id,
        visit ? 'store' : 'phone',
        sam.id,
        visit ? 'store.visit' : 'call',
        catalog,
        { note: pick(rng, visit ? visitNotes : callNotes) },
        daysAgo(rng, 3 * 365),
      );
    }

    choices.sort((a, b) => a.choice.at.localeCompare(b.choice.at));
    let profile: PreferenceProfile = emptyProfile();
    for (const { index, choice } of choices) profile = learnChoices(profile, index, [choice]);
    rows.profile(customer.id, profile, iso(SEED_EPOCH));
  }

  await db.transaction().execute(async (trx) => {
    // Re-check inside the transaction: two first starts racing on one PostgreSQL must not seed twice
    // (the unique e-mail makes the loser fail instead).
    if ((await countUsers(trx)) > 0) return;
    await rows.insert(trx);
    Object.assign(result, rows.counts(), { seeded: true });
  });
  return result;
}

/**
 * Records the version of every catalog file not recorded yet (every start, not only the first): it is live from
 * `now`. A recorded version changes nothing; after that the database is the authority (the catalog editor publishes
 * and rolls back there).
 */
export async function recordLoadedCatalogs(
  db: Kysely<Database>,
  registry: CatalogRegistry,
  now = new Date(),
): Promise<{ id: string; version: string; file: string; outcome: RecordOutcome }[]> {
  const outcomes = [];
  for (const { catalog, file, json, hash } of registry.list()) {
    const outcome = await recordCatalogVersion(db, {
      catalogId: catalog.id,
      version: catalog.version,
      contentHash: hash,
      json,
      at: now.toISOString(),
      note: `from ${file}`,
    });
    outcomes.push({ id: catalog.id, version: catalog.version, file, outcome });
  }
  return outcomes;
}

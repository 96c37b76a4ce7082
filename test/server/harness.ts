import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { beforeEach, afterEach } from 'vitest';
import { buildApp, type AppDeps } from '../../src/server/app.ts';
import { loadCatalogRegistry, type CatalogRegistry } from '../../src/server/catalogs/registry.ts';
import type { Database } from '../../src/server/store/database.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';
import { recordLoadedCatalogs } from '../../src/server/store/seed.ts';
import { insertUser } from '../../src/server/store/users.repository.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import type { OpenStore, TestDatabase } from './databases.ts';

export { budgetPc } from '../fixtures/pc-builds.ts';
/** The version of configs/catalogs/pc.json, read from the file so tests follow each published catalog. */
export const PC_VERSION = (
  JSON.parse(readFileSync(new URL('../../configs/catalogs/pc.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export interface Harness {
  app: FastifyInstance;
  db: Kysely<Database>;
  catalogs: CatalogRegistry;
  /** The test's clock; tests move it. */
  clock: { now: Date };
}

/** Cookie header value from a reply's Set-Cookie lines, merged into an existing jar. */
export function cookiesFrom(res: LightMyRequestResponse, jar = ''): string {
  const map = new Map(
    jar
      .split('; ')
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  );
  const set = res.headers['set-cookie'];
  for (const line of Array.isArray(set) ? set : set ? [set] : []) {
    const [kv = ''] = line.split(';');
    const [name = '', value = ''] = kv.split('=');
    if (value === '') map.delete(name);
    else map.set(name, value);
  }
  return [...map.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * A fresh, migrated store per test with the project's catalogs recorded, and the app on it. Hooks do nothing
 * for a skipped dialect.
 */
export function useApp(database: TestDatabase, overrides: Partial<AppDeps> = {}): () => Harness {
  let opened: OpenStore | undefined;
  let harness: Harness | undefined;
  beforeEach(async () => {
    if (database.skip) return;
    opened = await database.open();
    await migrateToLatest(opened.store);
    const catalogs = await loadCatalogRegistry('configs/catalogs');
    const clock = { now: new Date('2026-11-20T12:00:00.000Z') };
    await recordLoadedCatalogs(opened.store.db, catalogs, clock.now);
    const app = await buildApp({
      db: opened.store.db,
      dialect: opened.store.dialect,
      catalogs,
      now: () => clock.now,
      // Tests move the clock by months with one session open; idle expiry has its own test (session-expiry).
      idle: { customerMs: 10 * 365 * 86_400_000, staffMs: 10 * 365 * 86_400_000 },
      mailboxView: true,
      ...overrides,
    });
    harness = { app, db: opened.store.db, catalogs, clock };
  });
  afterEach(async () => {
    await harness?.app.close();
    await opened?.close();
    harness = undefined;
    opened = undefined;
  });
  return () => {
    if (!harness) throw new Error('app not started');
    return harness;
  };
}

let counter = 0;

/** The link of the newest mail to `email` in the demo mailbox (the app must show it: harness apps do). */
export async function mailedLink(app: FastifyInstance, email: string): Promise<URL> {
  const res = await app.inject({ method: 'GET', url: `/api/dev/mailbox?to=${encodeURIComponent(email)}` });
  const [mail] = res.json<{ mails: { link: string }[] }>().mails;
  if (!mail) throw new Error(`no mail to ${email}: ${res.body}`);
  return new URL(mail.link);
}

/** Opens the confirmation link mailed to `email`, in the browser of `jar`. */
export async function confirmSignUp(app: FastifyInstance, email: string, jar = '') {
  return signUpLinkOpened(app, email, jar ? { cookie: jar } : {});
}

async function signUpLinkOpened(
  app: FastifyInstance,
  email: string,
  headers: Record<string, string>,
  remoteAddress?: string,
) {
  const token = (await mailedLink(app, email)).searchParams.get('token');
  return app.inject({
    method: 'POST',
    url: '/api/auth/confirm',
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
    payload: { token },
  });
}

/**
 * The sign-up form sent (it must answer 202), then its mailed link opened from the same browser and address.
 * @returns the link's reply: 201 with the session cookie, or the refusal.
 */
export async function signUpConfirmed(
  app: FastifyInstance,
  form: {
    payload: { email: string } & Record<string, unknown>;
    headers?: Record<string, string>;
    remoteAddress?: string;
  },
) {
  const headers = form.headers ?? {};
  const sent = await app.inject({ method: 'POST', url: '/api/auth/sign-up', ...form, headers });
  if (sent.statusCode !== 202) throw new Error(`sign-up form: ${sent.statusCode} ${sent.body}`);
  return signUpLinkOpened(app, form.payload.email.trim().toLowerCase(), headers, form.remoteAddress);
}

/**
 * Signs up a new customer and opens the mailed link in the same browser; @returns the session cookie jar and the
 * confirmation's reply body. Each sign-up comes from its own network address, as customers do: sign-ups count
 * against the address's sign-in limit, which tests of that limit exercise on purpose.
 */
export async function signUp(
  app: FastifyInstance,
  fields: { email?: string; birthday?: string | null; phone?: string } = {},
  jar = '',
) {
  const n = ++counter;
  const confirmed = await signUpConfirmed(app, {
    remoteAddress: `198.18.${(n >> 8) & 255}.${n & 255}`,
    headers: jar ? { cookie: jar } : {},
    payload: {
      email: fields.email ?? `customer${n}@example.com`,
      password: 'tall-oak-shelf',
      name: 'Test Customer',
      phone: fields.phone ?? '',
      birthday: fields.birthday ?? null,
    },
  });
  if (confirmed.statusCode !== 201)
    throw new Error(`confirmation failed: ${confirmed.statusCode} ${confirmed.body}`);
  return {
    jar: cookiesFrom(confirmed, jar),
    me: confirmed.json<{
      customer: { id: string; customerNumber: string };
      merged?: { builds: number; interactions: number };
    }>(),
  };
}

/** A sales user, signed in. */
export async function signInStaff(
  app: FastifyInstance,
  db: Kysely<Database>,
  role: 'sales' | 'catalog' | 'store_manager' = 'sales',
  name = role === 'store_manager' ? 'Mia Novak' : `Staff ${role}`,
) {
  const email = `${role}${++counter}@example.com`;
  await insertUser(db, {
    email,
    name,
    role,
    password_hash: await hashPassword('staffpass1'),
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: 'staffpass1' },
  });
  if (res.statusCode !== 200) throw new Error(`staff sign-in failed: ${res.body}`);
  return cookiesFrom(res);
}

/** Rows in a table, for asserting nothing was written. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

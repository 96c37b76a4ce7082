import {
  draftCheckResponseSchema,
  draftSchema,
  findingKey,
} from '../../src/contract/catalog-admin.schema.ts';
import type { Catalog } from '../../src/core/catalog/index.ts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { quoteGroupSchema, type QuoteGroup } from '../../src/contract/store-quotes.schema.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import type { ApprovalStatus } from '../../src/server/store/approval-requests.table.ts';
import type { Database } from '../../src/server/store/database.ts';
import { newId } from '../../src/server/store/ids.ts';
import { insertUser } from '../../src/server/store/users.repository.ts';
import type { UserRole } from '../../src/server/store/users.table.ts';
import { budgetPc, cookiesFrom, signUp } from './harness.ts';

export type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';
export const roles: readonly Role[] = [
  'guest',
  'customer',
  'another customer',
  'sales',
  'store_manager',
  'catalog',
];

let counter = 0;
/** A staff member with a two-word name (quotes show the first name only), signed in. */
async function staff(app: FastifyInstance, db: Kysely<Database>, role: UserRole, name: string) {
  const email = `quote-${role}${++counter}@example.com`;
  const user = await insertUser(db, { email, name, role, password_hash: await hashPassword('staffpass1') });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: 'staffpass1' },
  });
  if (res.statusCode !== 200) throw new Error(`staff sign-in failed: ${res.body}`);
  return { id: user.id, jar: cookiesFrom(res), email };
}

async function signIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return cookiesFrom(res);
}

/** Anna (the customer served), Ben (another customer), Sam (sales), Mia (store manager), Cara (catalog). */
export async function cast(app: FastifyInstance, db: Kysely<Database>) {
  const anna = await signUp(app, { email: 'anna@example.com' });
  const ben = await signUp(app, { email: 'ben@example.com' });
  const sam = await staff(app, db, 'sales', 'Sam Berger');
  const mia = await staff(app, db, 'store_manager', 'Mia Novak');
  const cara = await staff(app, db, 'catalog', 'Cara Lind');
  const jars: Record<Role, string> = {
    guest: '',
    customer: anna.jar,
    'another customer': ben.jar,
    sales: sam.jar,
    store_manager: mia.jar,
    catalog: cara.jar,
  };
  /** Signs everyone in again: sessions last 30 days, so a test that moves the clock past them needs new ones. */
  const signInAgain = async () => {
    jars.customer = await signIn(app, 'anna@example.com', 'tall-oak-shelf');
    jars['another customer'] = await signIn(app, 'ben@example.com', 'tall-oak-shelf');
    for (const [role, who] of [
      ['sales', sam],
      ['store_manager', mia],
      ['catalog', cara],
    ] as const)
      jars[role] = await signIn(app, who.email, 'staffpass1');
  };
  return {
    annaId: anna.me.customer.id,
    benId: ben.me.customer.id,
    samId: sam.id,
    miaId: mia.id,
    jars,
    signInAgain,
  };
}

export const call = (
  app: FastifyInstance,
  jar: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: jar ? { cookie: jar } : {}, ...(payload ? { payload } : {}) });

/** The budget PC with another operating system: one option changed. */
export const proPc = { ...budgetPc, os: { 'os-win11-pro': 1 } };

/** Saves a build for the customer through the console; @returns its id. */
export async function saveBuild(
  app: FastifyInstance,
  jar: string,
  customerId: string,
  selections: object = budgetPc,
  catalogVersion?: string,
): Promise<string> {
  const res = await call(app, jar, 'POST', `/api/store/customers/${customerId}/builds`, {
    name: 'Desk PC',
    catalogId: 'pc',
    selections,
    ...(catalogVersion ? { catalogVersion } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Makes a quote revision as `jar`, expecting it stored; @returns the group. */
export async function makeQuote(
  app: FastifyInstance,
  jar: string,
  customerId: string,
  body: { buildId: string; discountPercent: number; groupId?: string; approvalRequestId?: string },
): Promise<QuoteGroup> {
  const res = await call(app, jar, 'POST', `/api/store/customers/${customerId}/quotes`, body);
  expect(res.statusCode, res.body).toBe(201);
  return quoteGroupSchema.parse(res.json());
}

/** The newest revision of a group. */
export function latest(group: QuoteGroup) {
  const revision = group.revisions.at(-1);
  if (!revision) throw new Error('a group without revisions');
  return revision;
}

/**
 * An approval request row as the approvals routes would leave it (those routes are another part's): these exact
 * terms, pending or decided by `decidedBy`.
 */
export async function insertApproval(
  db: Kysely<Database>,
  r: {
    customerId: string;
    buildId: string;
    selections: object;
    discountPercent: number;
    requestedBy: string;
    status: ApprovalStatus;
    decidedBy?: string;
    catalogVersion: string;
    at: Date;
  },
): Promise<string> {
  const id = newId();
  const decided = r.status !== 'pending';
  await db
    .insertInto('approval_requests')
    .values({
      id,
      customer_id: r.customerId,
      group_id: null,
      build_id: r.buildId,
      catalog_id: 'pc',
      catalog_version: r.catalogVersion,
      selections: JSON.stringify(r.selections),
      discount_bp: Math.round(r.discountPercent * 100),
      list_total_cents: 0,
      total_cents: 0,
      currency: 'EUR',
      note: null,
      requested_by_user_id: r.requestedBy,
      status: r.status,
      decided_by_user_id: decided ? (r.decidedBy ?? null) : null,
      decided_at: decided ? r.at.toISOString() : null,
      reason: r.status === 'refused' ? 'Too much' : null,
      created_at: r.at.toISOString(),
    })
    .execute();
  return id;
}

/**
 * Publishes, as the catalog manager `jar`, a new version of the live PC catalog edited by `edit`, with every
 * warning acknowledged, a minute after the test clock: what happens to quotes when the catalog moves on.
 * @returns the new version's name.
 */
export async function publishEditedPc(
  app: FastifyInstance,
  jar: string,
  clock: { now: Date },
  edit: (catalog: Catalog) => void,
): Promise<string> {
  clock.now = new Date(clock.now.getTime() + 60_000);
  const created = await call(app, jar, 'POST', '/api/catalog-admin/catalogs/pc/drafts', {
    title: 'Next prices',
  });
  expect(created.statusCode, created.body).toBe(201);
  const draft = draftSchema.parse(created.json());
  const document = structuredClone(draft.document) as Catalog;
  edit(document);
  const saved = await call(app, jar, 'PUT', `/api/catalog-admin/drafts/${draft.id}`, {
    baseRevision: draft.revision,
    document,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const checked = draftCheckResponseSchema.parse(
    (await call(app, jar, 'POST', `/api/catalog-admin/drafts/${draft.id}/check`)).json(),
  );
  const published = await call(app, jar, 'POST', `/api/catalog-admin/drafts/${draft.id}/publish`, {
    revision: checked.revision,
    note: 'Next prices',
    acknowledged: checked.findings.filter((f) => f.severity === 'warning').map(findingKey),
  });
  expect(published.statusCode, published.body).toBe(201);
  return published.json<{ version: string }>().version;
}

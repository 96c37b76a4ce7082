import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/core/catalog/index.ts';
import type { Access, DeclaredRoute } from '../../src/server/plugins/access.ts';
import { insertQuote, validBuild } from '../fixtures/quote-rows.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, cookiesFrom, PC_VERSION, useApp } from './harness.ts';
import { cast } from './quote-fixtures.ts';

/**
 * The authorization matrix: every route the server has × every kind of caller. A route added without an entry
 * below fails the first test: say who may call it here, and the rest checks that the server agrees.
 */
type Caller = 'anonymous' | 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';
const callers: readonly Caller[] = [
  'anonymous',
  'guest',
  'customer',
  'another customer',
  'sales',
  'store_manager',
  'catalog',
];

const everyone = callers;
/** The shopper's own browser: no session (a guest cookie or none yet) or a customer's. */
const shoppers: readonly Caller[] = ['anonymous', 'guest', 'customer', 'another customer'];
const signedIn: readonly Caller[] = ['customer', 'another customer', 'sales', 'store_manager', 'catalog'];
const customers: readonly Caller[] = ['customer', 'another customer'];
const staff: readonly Caller[] = ['sales', 'store_manager'];
const managers: readonly Caller[] = ['store_manager'];
const catalogManagers: readonly Caller[] = ['catalog'];

/** Who may call each route ("METHOD url" as `npm run routes` prints it). */
const expected: Record<string, readonly Caller[]> = {
  'GET /api/health': everyone,
  'GET /api/catalogs': everyone,
  'GET /api/catalogs/:id': everyone,
  'GET /api/catalogs/:id/versions/:version': everyone,
  'GET /api/catalogs/:id/compiled': everyone,
  'GET /api/catalogs/:id/sales': everyone,
  'POST /api/auth/sign-up': everyone,
  'POST /api/auth/confirm': everyone,
  'POST /api/auth/sign-in': everyone,
  'POST /api/auth/sign-out': everyone,
  'POST /api/auth/sign-out-everywhere': signedIn,
  'GET /api/me': signedIn,
  'POST /api/interactions': shoppers,
  'GET /api/me/timeline': customers,
  'POST /api/builds': shoppers,
  'GET /api/builds': shoppers,
  'GET /api/builds/compare': shoppers,
  'GET /api/builds/:id': shoppers,
  'PATCH /api/builds/:id': shoppers,
  'DELETE /api/builds/:id': shoppers,
  'POST /api/prices': everyone,
  'POST /api/quotes': customers,
  'POST /api/orders': customers,
  'GET /api/quotes': customers,
  'GET /api/orders': customers,
  // And integrations with a bearer token (order-lifecycle.api.test.ts).
  'GET /api/orders/:id/status': staff,
  'POST /api/orders/:id/status': staff,
  'GET /api/me/preferences': customers,
  'PUT /api/me/preferences/overrides': customers,
  'POST /api/me/preferences/reset': customers,
  'PUT /api/me/preferences/personalization': customers,
  'GET /api/me/option-weights/:catalogId': customers,
  'GET /api/me/similar-builds': customers,
  'POST /api/recommendations/events': shoppers,
  'GET /api/recommendations/acceptance': [...staff, 'catalog'],
  'GET /api/sessions/:catalogId': shoppers,
  'PUT /api/sessions/:catalogId': shoppers,
  'DELETE /api/sessions/:catalogId': shoppers,
  'GET /api/customers/:id': staff,
  'POST /api/store/customers/:id/birthday': staff,
  'GET /api/customers/:id/timeline': staff,
  'POST /api/customers/:id/interactions': staff,
  'GET /api/store/customers/:customerId/next-offers/:catalogId': staff,
  'GET /api/store/customers/:customerId/builds/:buildId': staff,
  'POST /api/store/customers/:customerId/builds': staff,
  'POST /api/store/customers/:customerId/orders': staff,
  'GET /api/store/customers/:customerId/option-weights/:catalogId': staff,
  'GET /api/store/customers/:customerId/similar-builds/:catalogId': staff,
  'POST /api/store/customers/:customerId/interactions': staff,
  'POST /api/store/customers/:customerId/recommendation-events': staff,
  'GET /api/store/customers/:customerId/sessions/:catalogId': staff,
  'PUT /api/store/customers/:customerId/sessions/:catalogId': staff,
  'GET /api/customers': staff,
  'GET /api/store/customers/recent': staff,
  'POST /api/store/customers': staff,
  'POST /api/store/customers/:customerId/quotes/preview': staff,
  'POST /api/store/customers/:customerId/quotes': staff,
  'GET /api/store/customers/:customerId/quotes': staff,
  'GET /api/store/customers/:customerId/quotes/:quoteId': staff,
  'POST /api/store/customers/:customerId/quotes/:quoteId/order': staff,
  'GET /api/me/quotes': customers,
  'POST /api/me/quotes/:quoteId/accept': customers,
  'POST /api/store/customers/:customerId/approval-requests': staff,
  'GET /api/store/customers/:customerId/approval-requests': staff,
  'GET /api/store/approvals': managers,
  'POST /api/store/approvals/:requestId/decision': managers,
  'GET /api/store/events': staff,
  'GET /api/quotes/:quoteId/pdf': [...customers, ...staff],
  'GET /api/catalog-admin/catalogs': catalogManagers,
  'POST /api/catalog-admin/catalogs/:catalogId/rollback': catalogManagers,
  'POST /api/catalog-admin/catalogs/:catalogId/drafts': catalogManagers,
  'GET /api/catalog-admin/drafts/:draftId': catalogManagers,
  'PUT /api/catalog-admin/drafts/:draftId': catalogManagers,
  'DELETE /api/catalog-admin/drafts/:draftId': catalogManagers,
  'POST /api/catalog-admin/drafts/:draftId/check': catalogManagers,
  'GET /api/catalog-admin/drafts/:draftId/catalog': catalogManagers,
  'GET /api/catalog-admin/drafts/:draftId/compiled': catalogManagers,
  'POST /api/catalog-admin/drafts/:draftId/publish': catalogManagers,
  'GET /api/catalog-admin/catalogs/:catalogId/diff': catalogManagers,
  'GET /api/catalog-admin/catalogs/:catalogId/popularity': catalogManagers,
  'GET /api/catalog-admin/drafts/:draftId/impact': catalogManagers,
  'POST /api/csp-reports': everyone,
  // Only the mail relay's bearer token (sign-up.api.test.ts), no person.
  'GET /api/outbox': [],
  'POST /api/outbox/:mailId/sent': [],
  // Only when the server shows its outbox (MAILBOX_VIEW: the local demo, and these tests).
  'GET /api/dev/mailbox': everyone,
  // The built client's pages and files.
  'GET /*': everyone,
};

const keyOf = (route: DeclaredRoute) => `${route.method} ${route.url}`;

/** Whom a declaration admits, as the gate (src/server/plugins/access.ts) reads it. */
function admits(declared: Access, caller: Caller): boolean {
  const role = caller === 'another customer' ? 'customer' : caller;
  switch (declared.who) {
    case 'anyone':
      return true;
    case 'guest-or-customer':
      return role === 'anonymous' || role === 'guest' || role === 'customer';
    case 'signed-in':
      return role !== 'anonymous' && role !== 'guest';
    case 'roles':
      return declared.roles.some((r) => r === role);
  }
}

/** The routes' paths filled with the served customer's (Anna's) records, so owner checks have something to hold. */
function pathOf(url: string, ids: { customer: string; build: string; quote: string }): string {
  const byName: Record<string, string> = {
    customerId: ids.customer,
    buildId: ids.build,
    quoteId: ids.quote,
    catalogId: 'pc',
    version: PC_VERSION,
    requestId: '00000000-0000-4000-8000-000000000000',
    draftId: '00000000-0000-4000-8000-000000000000',
    mailId: '00000000-0000-4000-8000-000000000000',
    id: url.startsWith('/api/builds') ? ids.build : url.startsWith('/api/catalogs') ? 'pc' : ids.customer,
  };
  return url
    .replace(/:(\w+)/g, (_, name: string) => byName[name] ?? `unknown-${name}`)
    .replace('/*', '/configure/pc')
    .replace('/builds/compare', `/builds/compare?a=${ids.build}&b=${ids.build}`)
    .replace('/diff', '/diff?from=1&to=2');
}

/** Every caller's cookie jar, and the records of Anna, the customer served, that owner checks use. */
async function everyCaller(app: FastifyInstance, db: Parameters<typeof cast>[1]) {
  const people = await cast(app, db);
  const guestSave = await app.inject({
    method: 'POST',
    url: '/api/builds',
    payload: { name: 'Guest PC', catalogId: 'pc', selections: budgetPc },
  });
  const jars: Record<Caller, string> = {
    anonymous: '',
    guest: cookiesFrom(guestSave),
    customer: people.jars.customer,
    'another customer': people.jars['another customer'],
    sales: people.jars.sales,
    store_manager: people.jars.store_manager,
    catalog: people.jars.catalog,
  };
  const saved = await app.inject({
    method: 'POST',
    url: '/api/builds',
    headers: { cookie: jars.customer },
    payload: { name: 'Anna’s PC', catalogId: 'pc', selections: budgetPc },
  });
  return { jars, annaId: people.annaId, annaBuild: saved.json<{ id: string }>().id };
}

async function call(
  app: FastifyInstance,
  method: string,
  path: string,
  jar: string,
): Promise<{ status: number; body: string }> {
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {};
  const headers = jar ? { cookie: jar } : {};
  if (path !== '/api/store/events') {
    const res: LightMyRequestResponse = await app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...body,
    });
    return { status: res.statusCode, body: res.body.slice(0, 300) };
  }
  // The live event stream never ends: its status is all there is to read.
  const abort = new AbortController();
  const res = await app.inject({
    method: 'GET',
    url: path,
    headers,
    payloadAsStream: true,
    signal: abort.signal,
  });
  abort.abort();
  return { status: res.statusCode, body: '(stream)' };
}

describe.each(testDatabases)('the authorization matrix on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database, { staticDir: '/nonexistent/client' });

  test('every route of the server has an entry here, and every entry a route', () => {
    const routes = h().app.declaredRoutes.map(keyOf);
    expect(
      routes.filter((key) => !(key in expected)),
      'routes without an entry in `expected` (access-matrix.api.test.ts): say who may call them',
    ).toEqual([]);
    expect(
      Object.keys(expected).filter((key) => !routes.includes(key)),
      'entries without a route',
    ).toEqual([]);
  });

  test('each route declares access for exactly the callers expected', () => {
    const wrong = h().app.declaredRoutes.flatMap((route) => {
      const admitted = callers.filter((caller) => admits(route.access, caller));
      const wanted = expected[keyOf(route)] ?? [];
      return admitted.join() === callers.filter((c) => wanted.includes(c)).join()
        ? []
        : [`${keyOf(route)} admits ${admitted.join(', ')}; expected ${wanted.join(', ')}`];
    });
    expect(wrong).toEqual([]);
  });

  test('each route answers every caller as declared: 401 or 403 before anything else, or gets through', async () => {
    const { app, db, catalogs } = h();
    const { jars, annaId, annaBuild } = await everyCaller(app, db);
    const car = catalogs.get('car');
    if (!car) throw new Error('the car catalog is missing');
    const index = indexCatalog(car.catalog);
    const quote = await insertQuote(db, index, { customerId: annaId, build: validBuild(index) });
    const ids = { customer: annaId, build: annaBuild, quote: quote.id };
    // Signing out ends the caller's session (everywhere: all of them): last, so every other call still has one.
    const signsOut = (route: DeclaredRoute) => route.url.startsWith('/api/auth/sign-out');
    const routes = [...app.declaredRoutes].sort(
      (a, b) =>
        Number(signsOut(a)) - Number(signsOut(b)) ||
        Number(a.url === '/api/auth/sign-out') - Number(b.url === '/api/auth/sign-out'),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      const wanted = expected[keyOf(route)] ?? [];
      const path = pathOf(route.url, ids);
      for (const caller of callers) {
        const { status, body } = await call(app, route.method, path, jars[caller]);
        const refusal = jars[caller] && caller !== 'guest' ? 403 : 401;
        const ok = wanted.includes(caller)
          ? status !== 401 && status !== 403 && status < 500
          : status === refusal;
        if (process.env.MATRIX_DUMP) console.log(`${route.method} ${path} ${caller} ${status}`);
        if (!ok)
          wrong.push(
            `${route.method} ${path} as ${caller}: ${status}, expected ${wanted.includes(caller) ? 'to get through' : refusal} ${body}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  // Ownership is the handlers' part (the gate only knows roles): someone else's record answers like a missing one.
  // Sessions: sessions.api.test.ts, "each customer and each guest sees only their own session".
  test("another customer, a guest or nobody never reach the customer's own build or quote: 404", async () => {
    const { app, db, catalogs } = h();
    const { jars, annaId, annaBuild } = await everyCaller(app, db);
    const car = catalogs.get('car');
    if (!car) throw new Error('the car catalog is missing');
    const index = indexCatalog(car.catalog);
    const quote = await insertQuote(db, index, { customerId: annaId, build: validBuild(index) });
    const attempts: [string, string, object?][] = [
      ['GET', `/api/builds/${annaBuild}`],
      ['PATCH', `/api/builds/${annaBuild}`, { name: 'Mine now' }],
      ['DELETE', `/api/builds/${annaBuild}`],
      ['GET', `/api/builds/compare?a=${annaBuild}&b=${annaBuild}`],
    ];
    for (const caller of ['another customer', 'guest', 'anonymous'] as const)
      for (const [method, url, payload] of attempts) {
        const res = await app.inject({
          method: method as 'GET',
          url,
          headers: jars[caller] ? { cookie: jars[caller] } : {},
          ...(payload ? { payload } : {}),
        });
        expect(res.statusCode, `${method} ${url} as ${caller}`).toBe(404);
      }
    const ben = { cookie: jars['another customer'] };
    const list = await app.inject({ method: 'GET', url: '/api/builds', headers: ben });
    expect(list.json<{ id: string }[]>().map((b) => b.id)).not.toContain(annaBuild);
    const quoteHers = await app.inject({
      method: 'POST',
      url: '/api/quotes',
      headers: ben,
      payload: { buildId: annaBuild },
    });
    expect(quoteHers.statusCode).toBe(404);
    for (const [method, url] of [
      ['GET', `/api/quotes/${quote.id}/pdf?lang=en`],
      ['POST', `/api/me/quotes/${quote.id}/accept`],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: ben,
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(res.statusCode, `${method} ${url} as another customer`).toBe(404);
    }
    // And all of it is still Anna's.
    const anna = { cookie: jars.customer };
    expect(
      (await app.inject({ method: 'GET', url: `/api/builds/${annaBuild}`, headers: anna })).json(),
    ).toMatchObject({
      name: 'Anna’s PC',
    });
    expect(
      (await app.inject({ method: 'GET', url: `/api/quotes/${quote.id}/pdf?lang=en`, headers: anna }))
        .statusCode,
    ).toBe(200);
  });
});

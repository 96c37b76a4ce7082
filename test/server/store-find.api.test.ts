import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { relationshipResponseSchema } from '../../src/contract/customers.schema.ts';
import { ownTimelineResponseSchema } from '../../src/contract/interactions.schema.ts';
import {
  customerSearchResponseSchema,
  recentCustomersResponseSchema,
  walkInResponseSchema,
} from '../../src/contract/store-find.schema.ts';
import { searchRank } from '../../src/core/profile/search-terms.ts';
import * as searchTermsMigration from '../../src/server/migrations/2026_12_05_1525_create_customer_search_terms.ts';
import { seedDemoData } from '../../src/server/store/seed.ts';
import { testDatabases } from './databases.ts';
import { cookiesFrom, countRows, signInStaff, signUp, signUpConfirmed, useApp } from './harness.ts';

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';

const signUpBody = (email: string, extra: object = {}) => ({
  email,
  password: 'tall-oak-shelf',
  name: 'Online Person',
  ...extra,
});

describe.each(testDatabases)('finding the customer on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  const call = (jar: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h().app.inject({ method, url, headers: jar ? { cookie: jar } : {}, ...(payload ? { payload } : {}) });

  async function cast() {
    const { app, db } = h();
    const customer = await signUp(app, { email: 'anna@example.com' });
    const jars: Record<Role, string> = {
      guest: '',
      customer: customer.jar,
      'another customer': (await signUp(app, { email: 'ben@example.com' })).jar,
      sales: await signInStaff(app, db, 'sales'),
      store_manager: await signInStaff(app, db, 'store_manager'),
      catalog: await signInStaff(app, db, 'catalog'),
    };
    return { jars };
  }

  const walkIn = (jar: string, body: object) => call(jar, 'POST', '/api/store/customers', body);
  const search = async (jar: string, q: string) => {
    const res = await call(jar, 'GET', `/api/customers?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    return customerSearchResponseSchema.parse(res.json());
  };

  test('every route: guest 401, customers and catalog 403 with nothing stored, sales and managers allowed', async () => {
    const { db } = h();
    const { jars } = await cast();
    const expected: Record<Role, number | 'ok'> = {
      guest: 401,
      customer: 403,
      'another customer': 403,
      sales: 'ok',
      store_manager: 'ok',
      catalog: 403,
    };
    let n = 0;
    const routes = [
      { method: 'GET' as const, url: '/api/customers?q=anna', ok: 200, body: undefined },
      { method: 'GET' as const, url: '/api/store/customers/recent', ok: 200, body: undefined },
      {
        method: 'POST' as const,
        url: '/api/store/customers',
        ok: 201,
        body: () => ({ name: 'Walk In', phone: `+49 30 55${++n}` }),
      },
    ];
    for (const route of routes)
      for (const [role, status] of Object.entries(expected) as [Role, number | 'ok'][]) {
        const before = await countRows(db, 'customers');
        const res = await call(jars[role], route.method, route.url, route.body?.());
        expect({ role, url: route.url, status: res.statusCode }).toEqual({
          role,
          url: route.url,
          status: status === 'ok' ? route.ok : status,
        });
        if (status !== 'ok') expect(await countRows(db, 'customers')).toBe(before);
      }
  });

  test('search by name parts, accents, e-mail, phone digits and number; ranked; at most 20', async () => {
    const { jars } = await cast();
    const made = walkInResponseSchema.parse(
      (
        await walkIn(jars.sales, {
          name: 'Jürgen Müller-Lüdenscheid',
          email: 'j.mueller@example.org',
          phone: '+49 (0)89 / 123-45 67',
        })
      ).json(),
    );
    const id = made.customer.id;
    for (const q of [
      'Jür',
      'jurg',
      'muller',
      'MÜLLER-L',
      'ludensch',
      'j.mueller',
      'J.MUELLER@example.org',
      '0891234567',
      '89 123',
      '1234567',
      made.customer.customerNumber,
      made.customer.customerNumber.slice(2),
    ]) {
      const found = await search(jars.store_manager, q);
      expect(
        found.map((c) => c.id),
        q,
      ).toContain(id);
    }
    for (const q of ['mullerx', 'anna müller', '7654321']) {
      const found = await search(jars.sales, q);
      expect(
        found.map((c) => c.id),
        q,
      ).not.toContain(id);
    }
    const hit = (await search(jars.sales, 'muller'))[0];
    expect(hit).toMatchObject({
      id,
      name: 'Jürgen Müller-Lüdenscheid',
      hasLogin: false,
      tier: { class: 'normal' },
    });
    expect(hit?.lastContactAt).toBe(h().clock.now.toISOString());

    // Ranking: "anna" as a first name, then in another name word, then in an e-mail (anna@example.com is the
    // signed-up "Test Customer"); the exact e-mail beats everything.
    await walkIn(jars.sales, { name: 'Zoe Annaberg', email: 'zoe@example.org' });
    await walkIn(jars.sales, { name: 'Anna Zeller', email: 'zeller@example.org' });
    expect((await search(jars.sales, 'anna')).map((c) => c.name)).toEqual([
      'Anna Zeller',
      'Zoe Annaberg',
      'Test Customer',
    ]);
    expect((await search(jars.sales, 'zoe@example.org'))[0]?.name).toBe('Zoe Annaberg');

    // The server's order agrees with the core's rank (the specification of the SQL) for every query.
    for (const q of ['an', 'anna', 'ze', 'example', 'zoe@example.org', 'mul']) {
      const ranks = (await search(jars.sales, q)).map((c) => searchRank(c, q) ?? -1);
      expect(ranks, q).not.toContain(-1);
      expect(ranks, q).toEqual([...ranks].sort((a, b) => a - b));
    }

    for (let i = 0; i < 25; i++)
      await walkIn(jars.sales, { name: `Many Smith${i}`, phone: `+49 40 777 ${1000 + i}` });
    expect(await search(jars.sales, 'smith')).toHaveLength(20);
  });

  test('q shorter than 2 characters is a 400 naming q', async () => {
    const { jars } = await cast();
    for (const url of ['/api/customers?q=a', '/api/customers?q=%20b%20', '/api/customers']) {
      const res = await call(jars.sales, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json().error.issues), url).toContain('q');
    }
  });

  test('a walk-in: needs a name and an e-mail or phone; a known e-mail or phone is a 409 with that customer', async () => {
    const { db } = h();
    const { jars } = await cast();
    const bad = await walkIn(jars.sales, { name: 'Nobody' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.issues)).toContain('email');
    expect((await walkIn(jars.sales, { name: '', phone: '0301234' })).statusCode).toBe(400);

    const created = await walkIn(jars.sales, { name: 'Wanda Walk', phone: '030 555 1234' });
    expect(created.statusCode).toBe(201);
    const { customer, claimCode } = walkInResponseSchema.parse(created.json());
    expect(claimCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const row = await db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', customer.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: null, claim_code: claimCode, name: 'Wanda Walk' });
    const logged = await db
      .selectFrom('interactions')
      .selectAll()
      .where('customer_id', '=', customer.id)
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ channel: 'store', kind: 'customer.registered' });
    expect(logged[0]?.actor_user_id).not.toBeNull();

    const before = await countRows(db, 'customers');
    for (const body of [
      { name: 'Wanda Again', phone: '+0 30-555-1234'.replace('+0 ', '0') },
      { name: 'Anna Again', email: 'ANNA@example.com' },
    ]) {
      const dup = await walkIn(jars.store_manager, body);
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('already_customer');
      expect(typeof dup.json().error.details.customerId).toBe('string');
    }
    expect(
      (await walkIn(jars.sales, { name: 'W', phone: '0305551234' })).json().error.details.customerId,
    ).toBe(customer.id);
    expect(await countRows(db, 'customers')).toBe(before);

    // Sam served Wanda in the store: she heads his recent list; the manager served nobody.
    const recent = recentCustomersResponseSchema.parse(
      (await call(jars.sales, 'GET', '/api/store/customers/recent')).json(),
    );
    expect(recent.map((c) => c.id)).toEqual([customer.id]);
    expect(recent[0]?.servedAt).toBe(h().clock.now.toISOString());
    expect((await call(jars.store_manager, 'GET', '/api/store/customers/recent')).json()).toEqual([]);
  });

  test('the claim code takes the record over once; the same e-mail without the code never does', async () => {
    const { app, db } = h();
    const { jars } = await cast();
    const { customer, claimCode } = walkInResponseSchema.parse(
      (await walkIn(jars.sales, { name: 'Walter Walk', email: 'walter@example.com' })).json(),
    );
    await call(jars.sales, 'POST', `/api/customers/${customer.id}/interactions`, {
      kind: 'store.visit',
      note: 'Looked at the roadster',
      shared: true,
    });

    // Someone else types Walter's e-mail online: a separate record, nothing of Walter's.
    const stranger = await signUpConfirmed(app, { payload: signUpBody('walter@example.com') });
    expect(stranger.statusCode).toBe(201);
    expect(stranger.json().customer.id).not.toBe(customer.id);
    const strangerJar = cookiesFrom(stranger);
    const strangerTimeline = ownTimelineResponseSchema.parse(
      (await call(strangerJar, 'GET', '/api/me/timeline')).json(),
    );
    expect(JSON.stringify(strangerTimeline)).not.toContain('roadster');
    expect((await call(strangerJar, 'GET', `/api/customers/${customer.id}`)).statusCode).toBe(403);
    expect(
      await db
        .selectFrom('customers')
        .select(['user_id', 'claim_code'])
        .where('id', '=', customer.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ user_id: null, claim_code: claimCode });

    // A wrong code: 400, no user, no customer.
    const users = await countRows(db, 'users');
    const customers = await countRows(db, 'customers');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: signUpBody('w2@example.com', { claimCode: 'AAAA-BBBB-CCCC' }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('claim_code_invalid');
    expect([await countRows(db, 'users'), await countRows(db, 'customers')]).toEqual([users, customers]);

    // Walter, with the code as he reads it off the quote (any case, spaces): his record, his store visit.
    const typed = claimCode.toLowerCase().replace(/-/g, ' ');
    const walter = await signUpConfirmed(app, {
      payload: signUpBody('walter.w@example.net', { claimCode: typed, phone: '+49 171 2345678' }),
    });
    expect(walter.statusCode, walter.body).toBe(201);
    expect(walter.json().customer).toMatchObject({
      id: customer.id,
      customerNumber: customer.customerNumber,
      email: 'walter.w@example.net',
    });
    const own = ownTimelineResponseSchema.parse(
      (await call(cookiesFrom(walter), 'GET', '/api/me/timeline')).json(),
    );
    expect(JSON.stringify(own)).toContain('roadster');
    expect(
      (
        await db
          .selectFrom('customers')
          .select('claim_code')
          .where('id', '=', customer.id)
          .executeTakeFirstOrThrow()
      ).claim_code,
    ).toBeNull();
    // The search follows the new e-mail and phone.
    expect((await search(jars.sales, 'walter.w@example.net')).map((c) => c.id)).toEqual([customer.id]);
    expect((await search(jars.sales, '0171 234')).map((c) => c.id)).toEqual([customer.id]);

    // Used once: the same code again is refused and creates nothing.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: signUpBody('w3@example.com', { claimCode }),
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('claim_code_invalid');
  });

  test('seeded customers are found: their search terms are written with them', async () => {
    const { app, db, catalogs } = h();
    await seedDemoData(
      db,
      catalogs.list().map((e) => e.catalog),
      { extraCustomers: 5 },
    );
    const sam = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'sam@example.com', password: 'demo1234' },
    });
    const found = await search(cookiesFrom(sam), 'ann ber');
    expect(found.map((c) => c.name)).toContain('Anna Berger');
    expect(found[0]).toMatchObject({ customerNumber: 'C-000001', hasLogin: true });
    // Sam registered every seeded customer in the store: they are his recently served.
    const recent = recentCustomersResponseSchema.parse(
      (await call(cookiesFrom(sam), 'GET', '/api/store/customers/recent')).json(),
    );
    expect(recent.length).toBeGreaterThan(0);
  });

  test('each hit carries its own tier and last contact: what the customer’s own page shows', async () => {
    const { app, db, catalogs } = h();
    await seedDemoData(
      db,
      catalogs.list().map((e) => e.catalog),
      { extraCustomers: 40 },
    );
    const sam = cookiesFrom(
      await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'sam@example.com', password: 'demo1234' },
      }),
    );
    const found = await search(sam, 'example');
    expect(found).toHaveLength(20);
    for (const hit of found) {
      const page = relationshipResponseSchema.parse(
        (await call(sam, 'GET', `/api/customers/${hit.id}`)).json(),
      );
      expect({ id: hit.id, tier: hit.tier, lastContactAt: hit.lastContactAt }).toEqual({
        id: hit.id,
        tier: { class: page.tier.class, label: page.tier.label },
        lastContactAt: page.recentInteractions[0]?.at ?? null,
      });
    }
    // Else the comparison could not tell one hit's standing from another's.
    expect(new Set(found.map((c) => c.tier.class)).size).toBeGreaterThan(1);
  });

  test('the migration back-fills the terms of customers who existed before it', async () => {
    const { db } = h();
    const { jars } = await cast();
    await walkIn(jars.sales, { name: 'Öznur Ağca', phone: '0176 9988776' });
    await searchTermsMigration.down(db as Kysely<unknown>);
    await searchTermsMigration.up(db as Kysely<unknown>, database.dialect);
    expect(await countRows(db, 'customer_search_terms')).toBeGreaterThan(0);
    expect((await search(jars.sales, 'oznur agca')).map((c) => c.name)).toEqual(['Öznur Ağca']);
    expect((await search(jars.sales, 'anna@example.com')).map((c) => c.email)).toEqual(['anna@example.com']);
  });
});

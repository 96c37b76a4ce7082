import { beforeAll, describe, expect, it } from 'vitest';
import { nextOffersResponseSchema } from '../../src/contract/next-offers.schema.ts';
import { encodeBuild } from '../../src/contract/build-param.schema.ts';
import { authoritySchema } from '../../src/contract/store-customer.schema.ts';
import { indexCatalog, type Build } from '../../src/core/catalog/index.ts';
import { Configurator } from '../../src/core/configurator/configurator.ts';
import { priceBuild } from '../../src/core/pricing/price.ts';
import { discountBand } from '../../src/core/profile/authority.ts';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, signInStaff, signUp, useApp } from './harness.ts';

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';

/** Half a PC: what Anna left online. */
const partial: Build = { case: budgetPc.case ?? {}, cpu: budgetPc.cpu ?? {}, memory: budgetPc.memory ?? {} };

// The reference engine for checking what the server suggests (compiled once: hundreds of milliseconds).
let engine: Configurator;
let price: (build: Build) => number;
beforeAll(async () => {
  const pc = (await loadCatalogRegistry('configs/catalogs')).get('pc');
  if (!pc) throw new Error('no pc catalog');
  engine = new Configurator(pc.catalog);
  const index = indexCatalog(pc.catalog);
  price = (build) => priceBuild(index, build).totalCents;
});

describe.each(testDatabases)('next best offers on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

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
    return { id: customer.me.customer.id, jars };
  }

  const get = (jar: string, url: string) =>
    h().app.inject({ method: 'GET', url, headers: jar ? { cookie: jar } : {} });
  const offersUrl = (id: string, build: Build) =>
    `/api/store/customers/${id}/next-offers/pc?b=${encodeBuild(build)}`;

  test('who may ask: guests 401, customers (their own too) and catalog 403, sales and managers 200', async () => {
    const { id, jars } = await cast();
    const expected: Record<Role, number> = {
      guest: 401,
      customer: 403,
      'another customer': 403,
      sales: 200,
      store_manager: 200,
      catalog: 403,
    };
    for (const [role, status] of Object.entries(expected) as [Role, number][])
      expect({ role, status: (await get(jars[role], offersUrl(id, partial))).statusCode }).toEqual({
        role,
        status,
      });
    expect((await get(jars.sales, offersUrl('no-such-customer', partial))).statusCode).toBe(404);
  });

  test('every offer is one slot changed, buildable, priced by the server, in the caller’s authority band', async () => {
    const { id, jars } = await cast();
    for (const role of ['sales', 'store_manager'] as const) {
      const res = await get(jars[role], offersUrl(id, partial));
      expect(res.statusCode).toBe(200);
      const body = nextOffersResponseSchema.parse(res.json());
      expect(body.totalCents).toBe(price(partial));
      expect(body.offers.length).toBeGreaterThan(0);
      const glance = await get(jars[role], `/api/customers/${id}`);
      const authority = authoritySchema.parse(glance.json<{ authority: unknown }>().authority);
      for (const offer of body.offers) {
        expect(engine.state(offer.build).consistent).toBe(true);
        for (const slot of engine.catalog.slots)
          if (slot.id !== offer.slotId) expect(offer.build[slot.id]).toEqual(partial[slot.id]);
        expect(offer.to).not.toEqual(offer.from);
        expect(offer.priceDeltaCents).toBe(price(offer.build) - price(partial));
        expect(offer.band).toBe(discountBand(authority, offer.discountPercent));
      }
    }
  });

  test('ranked on the customer’s own preferences, never another customer’s or the staff member’s', async () => {
    const { app } = h();
    const { id, jars } = await cast();
    const prefer = (jar: string, key: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/me/preferences/overrides',
        headers: { cookie: jar },
        payload: { key, value: 1 },
      });
    expect((await prefer(jars.customer, 'pc/slot/os/os-ubuntu-2404')).statusCode).toBe(200);
    expect((await prefer(jars['another customer'], 'pc/slot/os/os-win11-pro')).statusCode).toBe(200);
    const body = nextOffersResponseSchema.parse((await get(jars.sales, offersUrl(id, partial))).json());
    expect(body.offers[0]).toMatchObject({ slotId: 'os', to: ['os-ubuntu-2404'] });
    expect(body.offers[0]?.preference).toBeGreaterThan(0);
    expect(body.offers.filter((o) => o.preference > 0).map((o) => o.to)).toEqual([['os-ubuntu-2404']]);
  });

  test('a build that does not fit the catalog is refused, naming where', async () => {
    const { id, jars } = await cast();
    const res = await get(jars.sales, offersUrl(id, { cpu: { 'cpu-nope': 1 } }));
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'querystring.b.cpu.cpu-nope',
    );
    const unreadable = await get(jars.sales, `/api/store/customers/${id}/next-offers/pc?b=not a build`);
    expect(unreadable.statusCode).toBe(400);
  });
});

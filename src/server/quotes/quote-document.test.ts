import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertQuote, validBuild } from '../../../test/fixtures/quote-rows.ts';
import { openMigratedSqlite, type OpenStore } from '../../../test/server/databases.ts';
import { buildParamSchema } from '../../contract/build-param.schema.ts';
import { catalogWords, type CatalogIndex } from '../../core/catalog/index.ts';
import { loadCatalogRegistry } from '../catalogs/registry.ts';
import { catalogVersions, type CatalogVersions } from '../catalogs/versions.ts';
import { insertCustomer } from '../store/customers.repository.ts';
import { recordLoadedCatalogs } from '../store/seed.ts';
import { insertUser } from '../store/users.repository.ts';
import { loadQuoteDocument } from './quote-document.ts';

describe('loadQuoteDocument', () => {
  let opened: OpenStore;
  let versions: CatalogVersions;
  let car: CatalogIndex;
  const origin = 'https://shop.example';

  beforeEach(async () => {
    opened = await openMigratedSqlite();
    const catalogs = await loadCatalogRegistry('configs/catalogs');
    await recordLoadedCatalogs(opened.store.db, catalogs);
    versions = catalogVersions(opened.store.db, catalogs);
    car = await versions.get('car');
  });
  afterEach(() => opened.close());

  async function people() {
    const db = opened.store.db;
    const customer = await insertCustomer(db, {
      customer_number: 'C-000042',
      user_id: null,
      email: 'wei@example.com',
      phone: '',
      name: '王小明',
      birthday: null,
      claim_code: 'K7QM-2XPD-R4TA',
    });
    const sam = await insertUser(db, {
      email: 's@example.com',
      name: 'Sam Rivera',
      role: 'sales',
      password_hash: null,
    });
    const mia = await insertUser(db, {
      email: 'm@example.com',
      name: 'Mia Novak',
      role: 'store_manager',
      password_hash: null,
    });
    return { customer, sam, mia };
  }

  it('prints every chosen option by slot in each language, the pinned lines, the link back to the build', async () => {
    const { customer, sam } = await people();
    const build = validBuild(car);
    const quote = await insertQuote(opened.store.db, car, {
      customerId: customer.id,
      build,
      discountBp: 500,
      createdByUserId: sam.id,
    });
    const doc = await loadQuoteDocument(opened.store.db, versions, { quoteId: quote.id, origin });

    const zh = catalogWords(car.catalog, 'zh');
    const chosen = Object.entries(build).flatMap(([slot, options]) =>
      Object.entries(options).map(([option, quantity]) => ({ slot, option, quantity })),
    );
    expect(doc.items).toHaveLength(chosen.length);
    for (const { slot, option, quantity } of chosen)
      expect(doc.items).toContainEqual(
        expect.objectContaining({
          slot: expect.objectContaining({ zh: zh.slotName(slot) }),
          option: expect.objectContaining({
            zh: zh.optionName(option),
            en: car.option.get(option)?.option.name,
          }),
          quantity,
        }),
      );
    // The pinned lines add up to the quoted total, and the staff discount says what it is in every language.
    const sum = [...doc.items, ...doc.extras].reduce((s, line) => s + line.amountCents, 0);
    expect(sum).toBe(quote.totalCents);
    expect(doc.extras.find((l) => l.ref === 'staff')?.label).toEqual({
      en: 'Store discount (5%)',
      de: 'Filialrabatt (5\u00a0%)', // a no-break space, as Intl writes it
      zh: '门店折扣（5%）',
    });
    expect(doc.discountCents).toBe(quote.listTotalCents - quote.totalCents);
    expect(doc.discountBy).toEqual({ name: 'Sam', role: 'sales', approvedAt: null });
    expect(doc.customer).toEqual({ name: '王小明', number: 'C-000042' });
    expect(doc.number).toBe(`Q-${quote.groupId.replace(/-/g, '').slice(0, 8).toUpperCase()}`);

    const url = new URL(doc.continueUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${origin}/configure/car`);
    expect(buildParamSchema.parse(url.searchParams.get('b'))).toEqual(build);
    expect(doc.claim).toEqual({
      code: 'K7QM-2XPD-R4TA',
      url: 'https://shop.example/sign-up?claim=K7QM-2XPD-R4TA',
    });
    const paint = Object.keys(build.paint ?? {})[0] ?? '';
    expect(doc.picture).toMatchObject({ kind: 'car', paint: car.option.get(paint)?.option.visual?.color });
  });

  it('names the approving manager and when, over the salesperson who made the revision', async () => {
    const { customer, sam, mia } = await people();
    const first = await insertQuote(opened.store.db, car, {
      customerId: customer.id,
      build: validBuild(car),
    });
    const second = await insertQuote(opened.store.db, car, {
      customerId: customer.id,
      build: validBuild(car, 11),
      groupId: first.groupId,
      revision: 2,
      discountBp: 1550,
      createdByUserId: sam.id,
      approvedByUserId: mia.id,
      approvedAt: '2026-11-21T09:30:00.000Z',
    });
    const doc = await loadQuoteDocument(opened.store.db, versions, { quoteId: second.id, origin });
    expect(doc).toMatchObject({ revision: 2, groupId: first.id, number: (await loadFirst()).number });
    expect(doc.discountBy).toEqual({
      name: 'Mia',
      role: 'store_manager',
      approvedAt: '2026-11-21T09:30:00.000Z',
    });
    expect(doc.extras.find((l) => l.ref === 'staff')?.label.en).toBe('Store discount (15.5%)');

    // The customer's own quote online: no staff discount, nobody to name.
    async function loadFirst() {
      return loadQuoteDocument(opened.store.db, versions, { quoteId: first.id, origin });
    }
    const own = await loadFirst();
    expect(own.discountBy).toBeNull();
    expect(own.extras.some((l) => l.ref === 'staff')).toBe(false);
  });

  it('is not found for another customer, nor for an unknown id; a claimed record prints no code', async () => {
    const { customer } = await people();
    await opened.store.db.updateTable('customers').set({ claim_code: null }).execute();
    const quote = await insertQuote(opened.store.db, car, {
      customerId: customer.id,
      build: validBuild(car),
    });
    const load = (quoteId: string, forCustomer?: string) =>
      loadQuoteDocument(opened.store.db, versions, {
        quoteId,
        origin,
        ...(forCustomer ? { forCustomer } : {}),
      });
    await expect(load(quote.id, 'someone-else')).rejects.toMatchObject({
      statusCode: 404,
      code: 'quote_not_found',
    });
    await expect(load('no-such-quote')).rejects.toMatchObject({ statusCode: 404 });
    expect((await load(quote.id, customer.id)).claim).toBeNull();
  });
});

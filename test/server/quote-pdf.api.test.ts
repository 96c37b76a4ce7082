import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildParamSchema } from '../../src/contract/build-param.schema.ts';
import { catalogWords, indexCatalog, type CatalogIndex } from '../../src/core/catalog/index.ts';
import { quoteNumber } from '../../src/core/quotes/quote-number.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { formatDate, formatMoney } from '../../src/server/quotes/quote-pdf-format.ts';
import { insertUser } from '../../src/server/store/users.repository.ts';
import { readPdf, squeeze } from '../fixtures/pdf-text.ts';
import { insertQuote, validBuild } from '../fixtures/quote-rows.ts';
import { testDatabases } from './databases.ts';
import { cast as castForQuotes, insertApproval, latest, makeQuote, saveBuild } from './quote-fixtures.ts';
import { budgetPc, cookiesFrom, PC_VERSION, signInStaff, signUp, useApp } from './harness.ts';

type Role = 'guest' | 'customer' | 'another customer' | 'sales' | 'store_manager' | 'catalog';

describe.each(testDatabases)('the quote PDF on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);

  /** A staff member with a known name, signed in; @returns their user id and cookie jar. */
  async function staff(name: string, role: 'sales' | 'store_manager') {
    const { app, db } = h();
    const email = `${role}-${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;
    const user = await insertUser(db, { email, name, role, password_hash: await hashPassword('staffpass1') });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: 'staffpass1' },
    });
    return { id: user.id, jar: cookiesFrom(res) };
  }

  /** Anna with a car quote whose 15.5 % discount Mia approved after Sam made it, and a jar for every role. */
  async function cast() {
    const { app, db, catalogs } = h();
    const anna = await signUp(app, { email: 'anna@example.com' });
    const sam = await staff('Sam Rivera', 'sales');
    const mia = await staff('Mia Novak', 'store_manager');
    const entry = catalogs.get('car');
    if (!entry) throw new Error('the car catalog is missing');
    const car = indexCatalog(entry.catalog);
    const build = validBuild(car);
    const quote = await insertQuote(db, car, {
      customerId: anna.me.customer.id,
      build,
      discountBp: 1550,
      createdByUserId: sam.id,
      approvedByUserId: mia.id,
      approvedAt: '2026-11-21T09:30:00.000Z',
    });
    const jars: Record<Role, string> = {
      guest: '',
      customer: anna.jar,
      'another customer': (await signUp(app, { email: 'ben@example.com' })).jar,
      sales: sam.jar,
      store_manager: mia.jar,
      catalog: await signInStaff(app, db, 'catalog'),
    };
    return { car, build, quote, jars, anna, sam };
  }

  const get = (url: string, jar: string, headers: Record<string, string> = {}) =>
    h().app.inject({ method: 'GET', url, headers: { ...(jar ? { cookie: jar } : {}), ...headers } });
  const pdfOf = (res: LightMyRequestResponse) => readPdf(res.rawPayload);
  const chosen = (
    car: CatalogIndex,
    build: Record<string, Record<string, number>>,
    lang: 'en' | 'de' | 'zh',
  ) => {
    const words = catalogWords(car.catalog, lang);
    return Object.values(build).flatMap((options) => Object.keys(options).map(words.optionName));
  };

  test('guest 401, the owner 200, another customer 404, sales and store managers 200, catalog 403', async () => {
    const { quote, jars } = await cast();
    const expected: Record<Role, number> = {
      guest: 401,
      customer: 200,
      'another customer': 404,
      sales: 200,
      store_manager: 200,
      catalog: 403,
    };
    for (const [role, status] of Object.entries(expected) as [Role, number][]) {
      const res = await get(`/api/quotes/${quote.id}/pdf`, jars[role]);
      expect({ role, status: res.statusCode }).toEqual({ role, status });
      if (status !== 200) continue;
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="quote-${quoteNumber(quote.groupId)}-r1.pdf"`,
      );
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await get(`/api/quotes/no-such-quote/pdf`, jars.sales)).statusCode).toBe(404);
    const badLang = await get(`/api/quotes/${quote.id}/pdf?lang=fr`, jars.sales);
    expect(badLang.statusCode).toBe(400);
    expect(badLang.json()).toMatchObject({ error: { issues: [{ path: 'querystring.lang' }] } });
  });

  test('in English by default: every option, the total, the validity, the discount and its approver, the link back', async () => {
    const { car, build, quote, jars } = await cast();
    const res = await get(`/api/quotes/${quote.id}/pdf`, jars.customer, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'shop.example',
    });
    expect(res.statusCode).toBe(200);
    const pdf = await pdfOf(res);
    const text = squeeze(pdf.pages.join('\n'));
    expect(pdf.info.lang).toBe('en-IE');
    for (const label of chosen(car, build, 'en')) expect(text).toContain(squeeze(label));
    expect(text).toContain(squeeze(formatMoney(quote.totalCents, 'EUR', 'en')));
    expect(text).toContain(squeeze(`Valid until ${formatDate(quote.validUntil, 'en')}`));
    expect(text).toContain(squeeze('20 December 2026'));
    expect(text).toContain(squeeze('Store discount (15.5%)'));
    expect(text).toContain(squeeze(formatMoney(quote.totalCents - quote.listTotalCents, 'EUR', 'en')));
    expect(text).toContain(squeeze('approved by Mia (Store manager) on 21 November 2026'));
    expect(text).not.toContain('Novak'); // staff by first name only
    expect(text).toContain(squeeze(`Quote ${quoteNumber(quote.groupId)}, revision 1`));

    // The link back to the build, as a link and as printed text, reads back as the quoted selections.
    const link = pdf.links.find((url) => url.includes('/configure/'));
    expect(link).toBeDefined();
    const url = new URL(link ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://shop.example/configure/car');
    expect(buildParamSchema.parse(url.searchParams.get('b'))).toEqual(build);
    expect(text).toContain(squeeze(link ?? ''));
    // Anna signed up online: no claim code to print.
    expect(pdf.links.some((u) => u.includes('claim='))).toBe(false);
  });

  test('in Chinese the catalog’s Chinese labels come out as text (the font embeds and maps); in German too', async () => {
    const { car, build, quote, jars } = await cast();
    const zh = await pdfOf(await get(`/api/quotes/${quote.id}/pdf?lang=zh`, jars.sales));
    const zhText = squeeze(zh.pages.join(''));
    const labels = chosen(car, build, 'zh');
    expect(labels.some((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
    for (const label of labels) expect(zhText).toContain(squeeze(label));
    expect(zhText).toContain(squeeze(catalogWords(car.catalog, 'zh').slotName('paint')));
    expect(zhText).toContain('有效期至2026年12月20日');
    expect(zhText).toContain(squeeze('门店折扣（15.5%）'));
    expect(zhText).toContain(squeeze(formatMoney(quote.totalCents, 'EUR', 'zh')));
    expect(zh.info.lang).toBe('zh-CN');

    const de = await pdfOf(await get(`/api/quotes/${quote.id}/pdf?lang=de`, jars.customer));
    const deText = squeeze(de.pages.join(''));
    for (const label of chosen(car, build, 'de')) expect(deText).toContain(squeeze(label));
    expect(deText).toContain(squeeze('Gültig bis 20. Dezember 2026'));
    expect(deText).toContain(squeeze(formatMoney(quote.totalCents, 'EUR', 'de')));
    expect(deText).toContain(squeeze('genehmigt von Mia (Filialleitung) am 21. November 2026'));
  });

  test('a discount within the maker’s authority names them; a walk-in’s quote carries their claim code', async () => {
    const { car, build, jars, anna, sam } = await cast();
    const { db } = h();
    await db
      .updateTable('customers')
      .set({ claim_code: 'K7QM-2XPD-R4TA' })
      .where('id', '=', anna.me.customer.id)
      .execute();
    const revision2 = await insertQuote(db, car, {
      customerId: anna.me.customer.id,
      build,
      discountBp: 500,
      createdByUserId: sam.id,
    });
    const pdf = await pdfOf(
      await get(`/api/quotes/${revision2.id}/pdf`, jars.sales, { host: 'store.local:3000' }),
    );
    const text = squeeze(pdf.pages.join(''));
    expect(text).toContain(squeeze('Discount of 5% granted by Sam (Sales) within their authority.'));
    expect(text).toContain('K7QM-2XPD-R4TA');
    expect(pdf.links).toContain('http://store.local:3000/sign-up?claim=K7QM-2XPD-R4TA');
    expect(pdf.links.some((u) => u.startsWith('http://store.local:3000/configure/car?b='))).toBe(true);
  });

  test('a quote made through the quote routes prints as made: its total, its discount, who granted it', async () => {
    const { app, db } = h();
    const c = await castForQuotes(app, db);
    const buildId = await saveBuild(app, c.jars.sales, c.annaId);
    const quote = latest(await makeQuote(app, c.jars.sales, c.annaId, { buildId, discountPercent: 3 }));
    const res = await get(`/api/quotes/${quote.id}/pdf?lang=en`, c.jars.customer);
    expect(res.statusCode).toBe(200);
    const text = squeeze((await pdfOf(res)).pages.join(''));
    expect(text).toContain(squeeze(formatMoney(quote.totalCents, quote.currency, 'en')));
    expect(text).toContain(squeeze(formatDate(quote.validUntil, 'en')));
    expect(text).toContain(squeeze('Store discount (3%)'));
    expect(text).toContain(squeeze('Discount of 3% granted by Sam (Sales) within their authority.'));

    // Beyond his authority, with Mia's approval of these terms: the PDF names her, and when she decided.
    const approvalRequestId = await insertApproval(db, {
      customerId: c.annaId,
      buildId,
      selections: budgetPc,
      discountPercent: 9,
      requestedBy: c.samId,
      status: 'approved',
      decidedBy: c.miaId,
      catalogVersion: PC_VERSION,
      at: h().clock.now,
    });
    const approved = latest(
      await makeQuote(app, c.jars.sales, c.annaId, {
        buildId,
        discountPercent: 9,
        groupId: quote.groupId,
        approvalRequestId,
      }),
    );
    expect(approved.revision).toBe(2);
    const second = squeeze(
      (await pdfOf(await get(`/api/quotes/${approved.id}/pdf?lang=en`, c.jars.customer))).pages.join(''),
    );
    expect(second).toContain(squeeze(formatMoney(approved.totalCents, approved.currency, 'en')));
    expect(second).toContain(
      squeeze(
        `Discount of 9% approved by Mia (Store manager) on ${formatDate(h().clock.now.toISOString(), 'en')}.`,
      ),
    );
    expect(second).toContain(squeeze(', revision 2'));
  });

  describe('behind a proxy that sets PUBLIC_ORIGIN', () => {
    // Registered before the app's own hooks, so the app starts with it.
    beforeEach(() => {
      vi.stubEnv('PUBLIC_ORIGIN', 'https://configure.example/shop');
    });
    afterEach(() => {
      vi.unstubAllEnvs();
    });
    const proxied = useApp(database);

    test('the links use the configured origin, whatever the request’s host', async () => {
      const { app } = proxied();
      const anna = await signUp(app, { email: 'anna@example.com' });
      const entry = proxied().catalogs.get('pc');
      if (!entry) throw new Error('the pc catalog is missing');
      const pc = indexCatalog(entry.catalog);
      const quote = await insertQuote(proxied().db, pc, {
        customerId: anna.me.customer.id,
        build: validBuild(pc),
      });
      const res = await app.inject({
        method: 'GET',
        url: `/api/quotes/${quote.id}/pdf`,
        headers: { cookie: anna.jar, host: 'internal:8080', 'x-forwarded-host': 'evil.example' },
      });
      expect(res.statusCode).toBe(200);
      const { links } = await readPdf(res.rawPayload);
      // A link that wraps over several lines is one annotation per line, all to the same address.
      expect(links.filter((u) => u.includes('/configure/pc?b=')).length).toBeGreaterThan(0);
      expect(links.every((u) => u.startsWith('https://configure.example/configure/pc?b='))).toBe(true);
    });
  });
});

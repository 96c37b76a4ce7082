import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { formatDate, formatMoney } from '../../src/server/quotes/quote-pdf-format.ts';
import { budgetPc } from '../fixtures/pc-builds.ts';
import { readPdf, squeeze } from '../fixtures/pdf-text.ts';
import { axeViolations } from './axe.ts';
import { fillSignIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

async function staff(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.server.url}/store`);
  await page.waitForURL(/sign-in/);
  await fillSignIn(page, email);
  await page.waitForURL(/\/store$/);
  return page;
}

/** Types a discount as a person does: the field emptied, the number typed, the field left. */
async function setDiscount(page: Page, percent: number): Promise<void> {
  const field = page.getByRole('spinbutton', { name: 'Discount in %' });
  await field.fill(String(percent));
  await field.blur();
}

describe('quotes within authority and approvals in the store console', () => {
  let samContext: BrowserContext | undefined;
  let miaContext: BrowserContext | undefined;
  let annaContext: BrowserContext | undefined;

  it('Sam quotes Anna’s build within his authority, asks for more, Mia approves live, Sam saves it and takes the PDF; Anna accepts it online', async () => {
    const url = app.server.url;
    // Sam, on a tablet beside Anna.
    samContext = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const sam = await staff(samContext, 'sam@example.com');
    const found = (await (await sam.request.get(`${url}/api/customers?q=C-000001`)).json()) as {
      id: string;
    }[];
    const annaId = found[0]?.id ?? '';
    expect(annaId).not.toBe('');
    const saved = await sam.request.post(`${url}/api/store/customers/${annaId}/builds`, {
      data: { name: 'Quiet office PC', catalogId: 'pc', selections: budgetPc },
    });
    expect(saved.status()).toBe(201);
    const buildId = ((await saved.json()) as { id: string }).id;
    const { authority } = (await (await sam.request.get(`${url}/api/customers/${annaId}`)).json()) as {
      authority: { ownPercent: number; limitPercent: number };
    };
    expect(authority.limitPercent).toBeGreaterThan(authority.ownPercent);

    // Mia, the store manager, at her desk with the approval queue open before Sam asks.
    miaContext = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const mia = await staff(miaContext, 'mia@example.com');
    await mia.getByRole('link', { name: 'Approvals' }).click();
    await mia.getByRole('heading', { level: 1, name: 'Discount approvals' }).waitFor();
    await mia.getByText('Nothing to decide right now.').waitFor();

    await sam.goto(`${url}/store/customers/${annaId}/quotes/new?build=${buildId}`);
    await sam.getByRole('heading', { level: 1, name: 'New quote' }).waitFor();
    const build = sam.getByRole('region', { name: 'Build' });
    await build.getByText('Ryzen 5 8600G', { exact: false }).waitFor();
    const bands = sam.getByRole('list', { name: 'Your discount authority for this customer' });
    expect(await bands.getByRole('listitem').allTextContents()).toEqual([
      `Within your authority up to ${authority.ownPercent} %`,
      `Needs a store manager’s approval above ${authority.ownPercent} % up to ${authority.limitPercent} %`,
      `Refused above ${authority.limitPercent} %`,
    ]);

    // Within his authority: the band says so and the server's price follows.
    const within = Math.floor(authority.ownPercent / 2);
    await setDiscount(sam, within);
    const terms = sam.getByRole('region', { name: 'Discount and price' });
    await terms.getByText(`Store discount (${within} %)`).waitFor();
    expect(await sam.locator('output').textContent()).toBe('Within your authority');
    const save = sam.getByRole('button', { name: 'Save quote', exact: true });
    await expect.poll(() => save.isEnabled()).toBe(true);
    // The arrow keys step by 0.5.
    await sam.getByRole('spinbutton', { name: 'Discount in %' }).press('ArrowUp');
    expect(await sam.getByRole('spinbutton', { name: 'Discount in %' }).inputValue()).toBe(`${within + 0.5}`);
    await terms.getByText(`Store discount (${within + 0.5} %)`).waitFor();
    await screenshot(sam, 'store-quote-within-tablet');
    expect(await axeViolations(sam)).toEqual([]);

    // Beyond it: ask a store manager.
    const beyond = authority.ownPercent + 1;
    await setDiscount(sam, beyond);
    expect(await sam.locator('output').textContent()).toBe('Needs a store manager’s approval');
    await sam.getByLabel('Note for the store manager (optional)').fill('Loyal customer, second PC this year');
    await sam.getByRole('button', { name: 'Ask for approval' }).click();
    await sam.getByText(new RegExp(`Waiting for a store manager to approve ${beyond} %`)).waitFor();
    await screenshot(sam, 'store-quote-waiting-tablet');
    expect(await axeViolations(sam)).toEqual([]);

    // Mia's queue shows it without a reload.
    const card = mia.getByRole('article', { name: 'Anna Berger' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Loyal customer, second PC this year');
    expect(await card.textContent()).toContain(`${beyond} %`);
    expect(await card.textContent()).toMatch(/Asked bySam/);
    await screenshot(mia, 'store-approvals-desk');
    expect(await axeViolations(mia)).toEqual([]);
    await card.getByRole('button', { name: 'Approve Anna Berger' }).click();
    await mia.getByRole('status').filter({ hasText: 'Approved for Anna Berger.' }).waitFor();
    await mia.getByText('Nothing to decide right now.').waitFor();
    await mia.setViewportSize({ width: 1024, height: 768 });
    await mia.getByRole('table', { name: 'Decided lately' }).getByText('Anna Berger').waitFor();
    await screenshot(mia, 'store-approvals-tablet');
    expect(await axeViolations(mia)).toEqual([]);

    // Sam's page updates without a reload; he saves the quote on the approved terms.
    await sam.getByText(new RegExp(`Approved by Mia.* for up to ${beyond} %`)).waitFor();
    const saveApproved = sam.getByRole('button', { name: 'Save quote with the approved terms' });
    await expect.poll(() => saveApproved.isEnabled()).toBe(true);
    await saveApproved.click();
    await sam.waitForURL(new RegExp(`/store/customers/${annaId}/quotes/(?!new)`));
    const revision = sam.getByRole('region', { name: 'Revision 1' });
    await revision.waitFor();
    expect(await revision.textContent()).toMatch(/Discount approved by Mia/);
    expect(await revision.textContent()).toContain(`Store discount (${beyond} %)`);
    await screenshot(sam, 'store-quote-revisions-tablet');
    expect(await axeViolations(sam)).toEqual([]);

    // The PDF Anna takes home: her options, the total, the validity date.
    const pdfHref = await revision
      .getByRole('link', { name: 'Download PDF Revision 1' })
      .getAttribute('href');
    expect(pdfHref).toMatch(/^\/api\/quotes\/.+\/pdf\?lang=en$/);
    const pdf = await sam.request.get(`${url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = squeeze((await readPdf(await pdf.body())).pages.join('\n'));
    const groups = (await (await sam.request.get(`${url}/api/store/customers/${annaId}/quotes`)).json()) as {
      revisions: { id: string; totalCents: number; currency: string; validUntil: string }[];
    }[];
    const quoted = groups.flatMap((g) => g.revisions).find((r) => pdfHref?.includes(r.id));
    expect(quoted).toBeDefined();
    const catalog = (await (await sam.request.get(`${url}/api/catalogs/pc`)).json()) as {
      slots: { options: { id: string; name: string }[] }[];
    };
    const names = Object.values(budgetPc)
      .flatMap((options) => Object.keys(options))
      .map((id) => catalog.slots.flatMap((s) => s.options).find((o) => o.id === id)?.name ?? id);
    for (const name of names) expect(text).toContain(squeeze(name));
    expect(text).toContain(squeeze(formatMoney(quoted?.totalCents ?? 0, quoted?.currency ?? 'EUR', 'en')));
    expect(text).toContain(squeeze(formatDate(quoted?.validUntil ?? '', 'en')));

    // The same page on a desk screen, and once in German and in Chinese.
    await sam.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(sam, 'store-quote-revisions-desk');
    await sam.getByLabel('Language').selectOption('de');
    await sam.getByRole('region', { name: 'Revision 1' }).getByText('PDF herunterladen').waitFor();
    await screenshot(sam, 'store-quote-revisions-de');
    expect(await axeViolations(sam)).toEqual([]);
    await sam.getByRole('link', { name: /^Überarbeiten/ }).click();
    await sam.getByRole('heading', { level: 1, name: 'Neue Revision des Angebots' }).waitFor();
    await sam.getByRole('region', { name: 'Rabatt und Preis' }).getByText('Gesamt').waitFor();
    await screenshot(sam, 'store-quote-new-de');
    await sam.getByLabel('Sprache').selectOption('zh');
    await sam.getByRole('heading', { level: 1, name: '报价的新版本' }).waitFor();
    await screenshot(sam, 'store-quote-new-zh');
    expect(await axeViolations(sam)).toEqual([]);
    await sam.getByLabel('语言').selectOption('en');

    // Anna, at home on her tablet: the quote in her account, with who approved it; she accepts it.
    annaContext = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const anna = await annaContext.newPage();
    await anna.goto(`${url}/sign-in`);
    await fillSignIn(anna, 'anna@example.com');
    await anna.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await anna.goto(`${url}/account`);
    const quotes = anna.getByRole('region', { name: 'Quotes' });
    const row = quotes
      .getByRole('row')
      .filter({ hasText: 'Revision 1' })
      .filter({ hasText: 'approved by Mia' });
    await row.waitFor();
    expect(await row.textContent()).toContain(formatMoney(quoted?.totalCents ?? 0, 'EUR', 'en'));
    await row.scrollIntoViewIfNeeded();
    await screenshot(anna, 'account-quotes-tablet');
    expect(await axeViolations(anna)).toEqual([]);
    await row.getByRole('button', { name: 'Accept Revision 1' }).click();
    const dialog = anna.getByRole('dialog', { name: 'Accept revision 1?' });
    await dialog.getByRole('button', { name: 'Accept and order' }).click();
    await anna.getByRole('status').filter({ hasText: 'Your order of' }).waitFor();
    await row.getByText('ordered').waitFor();
    const orders = anna.getByRole('region', { name: 'Orders' });
    await orders
      .getByText(formatMoney(quoted?.totalCents ?? 0, 'EUR', 'en'))
      .first()
      .waitFor();

    await samContext.close();
    await miaContext.close();
    await annaContext.close();
  });
});

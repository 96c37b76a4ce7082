import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { readFile } from 'node:fs/promises';
import { formatDate, formatMoney } from '../../src/server/quotes/quote-pdf-format.ts';
import { readPdf, squeeze } from '../fixtures/pdf-text.ts';
import { person, signIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

const option = (page: Page, id: string) => page.locator(`[data-option="${id}"]`);
const step = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(name) });
const pressed = (page: Page, id: string) => option(page, id).getAttribute('aria-pressed');
async function choose(page: Page, stepName: string, id: string): Promise<void> {
  await step(page, stepName).click();
  await option(page, id).click();
  await expect.poll(() => pressed(page, id)).toBe('true');
}
const revision = async (page: Page): Promise<number> =>
  ((await (await page.request.get(`${app.server.url}/api/sessions/car`)).json()) as { revision: number })
    .revision;

describe('one customer across the website and the store', () => {
  it('Anna starts a car online; Sam finds her, continues it, quotes with a discount a manager approves live; Anna sees it all but Sam’s internal note', async () => {
    const url = app.server.url;
    const anna = await person(app.browser, { width: 1366, height: 900 });
    const sam = await person(app.browser, { width: 1024, height: 768, touch: true });
    const mia = await person(app.browser, { width: 1920, height: 1080 });
    try {
      // Anna starts a car on the website and leaves half-way (her browser closes).
      await signIn(anna.page, app.server.url, 'anna@example.com');
      await anna.page.goto(`${url}/configure/car`);
      await anna.page.locator('[data-slot]').first().waitFor();
      const start = await revision(anna.page);
      await choose(anna.page, 'Model', 'model-lumo-cross');
      await choose(anna.page, 'Exterior', 'paint-signal-red');
      await expect.poll(() => revision(anna.page), { timeout: 10_000 }).toBeGreaterThan(start);
      await anna.context.close();

      // Sam finds her by typing three letters, and leaves an internal note on her page.
      await signIn(sam.page, app.server.url, 'sam@example.com', { path: '/store' });
      const box = sam.page.getByRole('combobox', { name: 'Find a customer' });
      await box.fill('Ber');
      await sam.page
        .locator('[role="listbox"][aria-busy="false"]')
        .getByRole('option', { name: /Anna Berger/ })
        .click();
      await sam.page.getByRole('heading', { level: 1, name: 'Anna Berger' }).waitFor();
      const annaId = decodeURIComponent(new URL(sam.page.url()).pathname.split('/').pop() ?? '');
      const note = sam.page.getByRole('region', { name: 'Add a note' });
      await note.getByLabel('Note').fill('Hesitant about the price; mention the winter tyres only if asked');
      await note.getByRole('button', { name: 'Save note' }).click();
      await note.getByText('Note saved.').waitFor();

      // He opens her car where she left it: her undo history works.
      await sam.page
        .getByRole('region', { name: /^Live web sessions/ })
        .getByRole('listitem')
        .filter({ hasText: 'Veyra Lumo' })
        .getByRole('link', { name: /Continue/ })
        .click();
      await sam.page.waitForURL(new RegExp(`/store/customers/${annaId}/configure/car`));
      await step(sam.page, 'Exterior').click();
      await expect.poll(() => pressed(sam.page, 'paint-signal-red')).toBe('true');
      await sam.page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => pressed(sam.page, 'paint-signal-red')).toBe('false');
      await sam.page.getByRole('button', { name: 'Redo' }).click();
      await expect.poll(() => pressed(sam.page, 'paint-signal-red')).toBe('true');

      // Two changes together, then the rest from her own picks, saved to her account.
      await choose(sam.page, 'Exterior', 'paint-fjord-blue');
      const wheel = sam.page.locator('[data-slot="wheels"] [data-option][data-available="true"]').last();
      const wheelId = (await wheel.getAttribute('data-option')) ?? '';
      await wheel.click();
      await expect.poll(() => pressed(sam.page, wheelId)).toBe('true');
      await sam.page.getByRole('button', { name: 'Finish with my picks' }).click();
      await sam.page.getByRole('button', { name: 'Save to Anna’s account' }).click();
      await sam.page.getByText(/Saved to Anna’s account as/).waitFor();
      await sam.page.getByRole('link', { name: 'Quote this build →' }).click();
      await sam.page.waitForURL(new RegExp(`/store/customers/${annaId}/quotes/new\\?build=`));

      // Mia has the approvals queue open before Sam asks.
      await signIn(mia.page, app.server.url, 'mia@example.com', { path: '/store/approvals' });
      await mia.page.getByRole('heading', { level: 1 }).waitFor();

      // A discount within Sam's authority for Anna, then one beyond it.
      const glance = (await (await sam.page.request.get(`${url}/api/customers/${annaId}`)).json()) as {
        authority: { ownPercent: number; limitPercent: number };
      };
      const { ownPercent, limitPercent } = glance.authority;
      expect(limitPercent).toBeGreaterThan(ownPercent);
      const discount = sam.page.getByLabel('Discount in %');
      await discount.fill(String(ownPercent));
      await sam.page.getByText('Within your authority', { exact: false }).first().waitFor();
      await expect.poll(() => sam.page.getByRole('button', { name: 'Save quote' }).isEnabled()).toBe(true);
      const beyond = Math.floor(ownPercent + 1);
      await discount.fill(String(beyond));
      await sam.page.getByRole('button', { name: 'Ask for approval' }).click();
      await sam.page.getByText(/Waiting for a store manager to approve/).waitFor();
      await screenshot(sam.page, 'journey-sam-waiting-tablet');
      expect(await axeViolations(sam.page)).toEqual([]);

      // The request appears in Mia's queue without a reload; she approves.
      const request = mia.page.getByRole('article').filter({ hasText: 'Anna Berger' });
      await request.waitFor({ timeout: 15_000 });
      await screenshot(mia.page, 'journey-mia-queue-desk');
      expect(await axeViolations(mia.page)).toEqual([]);
      await request.getByRole('button', { name: 'Approve' }).click();
      await request.waitFor({ state: 'detached', timeout: 15_000 });

      // Sam's page learns it without a reload, and he saves the quote on the approved terms.
      await sam.page.getByText(/Approved by Mia/).waitFor({ timeout: 15_000 });
      await sam.page.getByRole('button', { name: 'Save quote with the approved terms' }).click();
      await sam.page.waitForURL(new RegExp(`/store/customers/${annaId}/quotes/(?!new)`));
      await sam.page.getByText(/Discount approved by Mia/).waitFor();
      await screenshot(sam.page, 'journey-sam-quote-tablet');

      // The PDF Anna takes home: her options, the total, the validity date.
      const [download] = await Promise.all([
        sam.page.waitForEvent('download'),
        sam.page.getByRole('link', { name: 'Download PDF' }).last().click(),
      ]);
      expect(await download.failure()).toBeNull();
      expect(download.suggestedFilename()).toMatch(/^quote-Q-[0-9A-F]{8}-r1\.pdf$/);
      const pdf = await readPdf(await readFile(await download.path()));
      const text = squeeze(pdf.pages.join('\n'));
      const quotes = (await (
        await sam.page.request.get(`${url}/api/store/customers/${annaId}/quotes`)
      ).json()) as { revisions: { totalCents: number; validUntil: string; discountPercent: number }[] }[];
      const quote = quotes[0]?.revisions.at(-1);
      expect(quote?.discountPercent).toBe(beyond);
      expect(text).toContain(squeeze('Fjord Blue'));
      expect(text).toContain(squeeze(formatMoney(quote?.totalCents ?? 0, 'EUR', 'en')));
      expect(text).toContain(squeeze(`Valid until ${formatDate(quote?.validUntil ?? '', 'en')}`));
      expect(text).toContain(squeeze('approved by Mia'));

      // Anna signs in again on another device: the updated build, the quote, the store visit, not the note.
      const again = await person(app.browser, { width: 1366, height: 900 });
      try {
        await signIn(again.page, app.server.url, 'anna@example.com');
        await again.page.goto(`${url}/configure/car`);
        await step(again.page, 'Exterior').click();
        await expect.poll(() => pressed(again.page, 'paint-fjord-blue')).toBe('true');
        await again.page.goto(`${url}/account`);
        await again.page.getByRole('region', { name: 'Quotes' }).getByText(/Mia/).first().waitFor();
        await again.page.goto(`${url}/account/timeline`);
        const history = again.page.getByRole('list', { name: 'Your history' });
        await history
          .getByText(/by Sam \(sales\)/)
          .first()
          .waitFor();
        expect(await history.textContent()).not.toContain('Hesitant about the price');
        const own = await (await again.page.request.get(`${url}/api/me/timeline?limit=100`)).text();
        expect(own).not.toContain('Hesitant about the price');
        await screenshot(again.page, 'journey-anna-history');
      } finally {
        await again.context.close();
      }
    } finally {
      await sam.context.close();
      await mia.context.close();
    }
  });
});

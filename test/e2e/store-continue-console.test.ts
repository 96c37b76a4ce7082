import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { budgetPc } from '../fixtures/pc-builds.ts';
import { axeViolations } from './axe.ts';
import { fillSignIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

type Stored = {
  session: { snapshot: { context: { choices: Record<string, Record<string, number>> } } } | null;
};

describe('continuing the customer’s build in the store console', () => {
  let anna: BrowserContext | undefined;
  let sam: BrowserContext | undefined;

  it('Sam opens Anna’s live session where she left it, undoes, applies a next best offer; Anna’s session has it', async () => {
    const url = app.server.url;
    try {
      anna = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const annaPage = await anna.newPage();
      await annaPage.goto(`${url}/sign-in`);
      await fillSignIn(annaPage, 'anna@example.com');
      await annaPage.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      const catalogs = (await (await annaPage.request.get(`${url}/api/catalogs`)).json()) as {
        id: string;
        version: string;
      }[];
      const pcVersion = catalogs.find((c) => c.id === 'pc')?.version ?? '';
      const mine = (await (await annaPage.request.get(`${url}/api/sessions/pc`)).json()) as {
        revision: number;
      };
      const left = { case: budgetPc.case, cpu: budgetPc.cpu };
      const put = await annaPage.request.put(`${url}/api/sessions/pc`, {
        data: {
          session: {
            format: 1,
            catalogId: 'pc',
            catalogVersion: pcVersion,
            snapshot: {
              status: 'active',
              value: 'editing',
              context: {
                choices: left,
                past: [{}, { case: budgetPc.case }],
                future: [],
                step: 'memory',
              },
            },
          },
          baseRevision: mine.revision,
        },
      });
      expect(put.status()).toBe(200);

      for (const viewport of [
        { width: 1024, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        sam = await app.browser.newContext({ viewport, hasTouch: viewport.width === 1024 });
        const page = await sam.newPage();
        await page.goto(`${url}/store`);
        await page.waitForURL(/sign-in/);
        await fillSignIn(page, 'sam@example.com');
        await page.waitForURL(/\/store$/);
        const found = (await (await page.request.get(`${url}/api/customers?q=anna`)).json()) as {
          id: string;
        }[];
        const annaId = found[0]?.id ?? '';
        await page.goto(`${url}/store/customers/${annaId}/configure/pc?session=web`);
        const notice = page.getByTestId('session-notice');
        await notice.waitFor({ timeout: 60_000 });
        expect(await notice.textContent()).toMatch(/Continuing Anna’s build from/);
        const offers = page.getByRole('region', { name: 'Next best offers' });
        await offers.getByRole('listitem').first().waitFor({ timeout: 60_000 });
        await screenshot(page, `store-continue-console-${viewport.width}`);
        expect(await axeViolations(page)).toEqual([]);
        await sam.close();
        sam = undefined;
      }

      sam = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
      const page = await sam.newPage();
      await page.goto(`${url}/store`);
      await page.waitForURL(/sign-in/);
      await fillSignIn(page, 'sam@example.com');
      await page.waitForURL(/\/store$/);
      const found = (await (await page.request.get(`${url}/api/customers?q=anna`)).json()) as {
        id: string;
      }[];
      const annaId = found[0]?.id ?? '';
      await page.goto(`${url}/store/customers/${annaId}/configure/pc?session=web`);
      await page.getByTestId('session-notice').waitFor({ timeout: 60_000 });
      // Undo works: her history came along (the CPU step is undone, then redone).
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL((u) => !(u.searchParams.get('b') ?? '').includes('cpu:'));
      await page.getByRole('button', { name: 'Redo' }).click();
      await page.waitForURL((u) => (u.searchParams.get('b') ?? '').includes('cpu:'));
      // Apply the best offer: one change, saved to her live session.
      const offers = page.getByRole('region', { name: 'Next best offers' });
      const apply = offers.getByRole('button', { name: /^Apply: / }).first();
      await apply.waitFor({ timeout: 60_000 });
      await apply.click();
      const isChanged = async () => {
        const stored = (await (await annaPage.request.get(`${url}/api/sessions/pc`)).json()) as Stored;
        return JSON.stringify(stored.session?.snapshot.context.choices) !== JSON.stringify(left);
      };
      await expect.poll(isChanged, { timeout: 15_000 }).toBe(true);

      // Finish with her picks, save it to her account, then quote or order it for her.
      await page.getByRole('button', { name: 'Finish with my picks' }).click();
      await page.getByRole('button', { name: 'Save to Anna’s account' }).first().click();
      await page
        .getByText(/Saved to Anna’s account as/)
        .first()
        .waitFor();
      const quote = page.getByRole('link', { name: 'Quote this build →' }).first();
      expect(await quote.getAttribute('href')).toMatch(
        new RegExp(`^/store/customers/${annaId}/quotes/new\\?build=.+`),
      );
      await page.getByRole('button', { name: 'Order for Anna' }).first().click();
      await page
        .getByText(/Ordered for Anna: €/)
        .first()
        .waitFor();
      const builds = (await (await annaPage.request.get(`${url}/api/builds`)).json()) as {
        id: string;
        name: string;
      }[];
      expect(builds.some((b) => b.name.startsWith('Built in the store'))).toBe(true);
      const orders = (await (await annaPage.request.get(`${url}/api/orders`)).json()) as unknown[];
      expect(orders.length).toBeGreaterThan(0);

      // A saved build opens as it was saved, said to be hers.
      const saved = builds.find((b) => b.name.startsWith('Built in the store'));
      await page.goto(`${url}/store/customers/${annaId}/configure/pc?build=${saved?.id ?? ''}`);
      await page.getByText(/Continuing Anna’s saved build “Built in the store/).waitFor();
      await page.getByRole('region', { name: 'Next best offers' }).waitFor();
    } finally {
      await sam?.close();
      await anna?.close();
    }
  });
});

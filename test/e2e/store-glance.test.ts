import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { budgetPc } from '../fixtures/pc-builds.ts';
import { axeViolations } from './axe.ts';
import { fillSignIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

describe('the customer at a glance in the store console', () => {
  let anna: BrowserContext | undefined;
  let sam: BrowserContext | undefined;

  it('Sam sees Anna’s whole relationship, filters her timeline, adds an internal and a shared note; Anna sees only the shared one', async () => {
    const url = app.server.url;
    // Anna, online, leaves a PC half-configured: her live web session.
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
              choices: { case: budgetPc.case, cpu: budgetPc.cpu },
              past: [{}, { case: budgetPc.case }],
              future: [],
              step: 'memory',
            },
          },
        },
        baseRevision: 0,
      },
    });
    expect(put.status()).toBe(200);
    // And orders a PC online: placed, not paid yet, so it is no sale yet (issue 19 §4).
    const ordered = await annaPage.request.post(`${url}/api/orders`, {
      data: { catalogId: 'pc', selections: budgetPc },
    });
    expect(ordered.status()).toBe(201);
    const shortOrder = ((await ordered.json()) as { id: string }).id.slice(0, 8);

    // Sam, on a tablet beside her.
    sam = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await sam.newPage();
    await page.goto(`${url}/store`);
    await page.waitForURL(/sign-in/);
    await fillSignIn(page, 'sam@example.com');
    await page.waitForURL(/\/store$/);
    const found = (await (await page.request.get(`${url}/api/customers?q=C-000001`)).json()) as {
      id: string;
    }[];
    const annaId = found[0]?.id ?? '';
    expect(annaId).not.toBe('');
    await page.goto(`${url}/store/customers/${annaId}`);
    await page.getByRole('heading', { level: 1, name: 'Anna Berger' }).waitFor();

    const section = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
    expect(await section('Value').textContent()).toMatch(/Lifetime revenue€[\d,]+/);
    expect(await section('Value').textContent()).toMatch(/Share of wallet\d+%/);
    const strategy = await section('Strategy').textContent();
    expect(strategy).toMatch(/Strategy: (Keep close|Develop|Keep or win|Win or let go)/);
    expect(strategy).toMatch(
      /Your discount authority: up to \d+ % on your own, up to \d+ % with a store manager’s approval/,
    );
    // The chart is drawn (loaded after the page), with its table beside it.
    await section('Purchases over time').locator('svg.recharts-surface').waitFor();
    expect(await section('Purchases over time').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(
      0,
    );
    // The table says the same in words (inside a disclosure, so it is counted in the DOM).
    expect(await section('Purchases over time').locator('table tbody tr').count()).toBeGreaterThan(1);

    const builds = section('Saved builds').getByRole('listitem');
    expect(await builds.count()).toBeGreaterThanOrEqual(2);
    expect(
      await builds
        .first()
        .getByRole('link', { name: /^Continue / })
        .getAttribute('href'),
    ).toMatch(new RegExp(`^/store/customers/${annaId}/configure/[a-z]+\\?build=.+`));
    const session = section('Live web sessions').getByRole('listitem');
    expect(await session.count()).toBe(1);
    expect(await session.textContent()).toMatch(/Aurora Desktop.*2 choices made/);
    expect(await session.getByRole('link', { name: /Continue/ }).getAttribute('href')).toBe(
      `/store/customers/${annaId}/configure/pc?session=web`,
    );
    expect(
      await section('Live web sessions')
        .getByRole('link', { name: 'Configure a new Aurora Desktop' })
        .getAttribute('href'),
    ).toBe(`/store/customers/${annaId}/configure/pc`);
    const quoteRows = section('Quotes').getByRole('row');
    expect(await quoteRows.count()).toBeGreaterThan(1);
    expect(await quoteRows.nth(1).getByRole('link').getAttribute('href')).toMatch(
      new RegExp(`^/store/customers/${annaId}/quotes/.+`),
    );
    expect(await section('Orders').getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'store-glance-tablet');
    expect(await axeViolations(page)).toEqual([]);

    // Her payment came in: Sam marks the order paid, after confirming.
    const orderRow = section('Orders').getByRole('row').filter({ hasText: shortOrder });
    expect(await orderRow.textContent()).toContain('Placed');
    await orderRow.getByRole('button', { name: `Mark paid: order ${shortOrder}` }).click();
    const confirm = page.getByRole('dialog', { name: `Payment received for order ${shortOrder}?` });
    await confirm.waitFor();
    await screenshot(page, 'store-glance-order-confirm');
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Mark paid' }).click();
    await orderRow.getByRole('button', { name: `Mark delivered: order ${shortOrder}` }).waitFor();
    expect(await orderRow.textContent()).toContain('Paid');
    await page.setViewportSize({ width: 390, height: 844 });
    await orderRow.scrollIntoViewIfNeeded();
    await screenshot(page, 'store-glance-orders-phone');
    await page.setViewportSize({ width: 1024, height: 768 });

    // The timeline, by channel.
    const timeline = section('Timeline');
    const entries = timeline.getByRole('listitem');
    await entries.first().waitFor();
    await timeline.getByRole('button', { name: 'In store' }).click();
    await expect
      .poll(
        async () =>
          new Set(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')))),
      )
      .toEqual(new Set(['store']));

    // Two notes: internal (the default) and shared.
    const note = section('Add a note');
    await note.getByLabel('Note').fill('Budget is tight; offer the 2-year warranty only if asked');
    await note.getByRole('button', { name: 'Save note' }).click();
    await note.getByText('Note saved.').waitFor();
    await note.getByLabel('Call').check();
    await note.getByLabel('Note').fill('Your case is in stock; we hold it until Friday');
    await note.getByLabel('Share with the customer').check();
    await note.getByRole('button', { name: 'Save note' }).click();
    await timeline.getByRole('button', { name: 'All' }).click();
    const internal = timeline.getByRole('listitem').filter({ hasText: 'Budget is tight' });
    const shared = timeline.getByRole('listitem').filter({ hasText: 'Your case is in stock' });
    await shared.waitFor();
    expect(await internal.textContent()).toContain('Internal');
    expect(await shared.textContent()).toContain('Shared with the customer');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('heading', { level: 1, name: 'Anna Berger' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'store-glance-desk');
    expect(await axeViolations(page)).toEqual([]);
    const samId = ((await (await page.request.get(`${url}/api/me`)).json()) as { user: { id: string } }).user
      .id;

    // Anna, in her own browser: the shared note, not the internal one, and no staff user id.
    await annaPage.goto(`${url}/account/timeline`);
    const history = annaPage.getByRole('list', { name: 'Your history' });
    await history.getByText('“Your case is in stock; we hold it until Friday”').waitFor();
    expect(await history.textContent()).not.toContain('Budget is tight');
    expect(await history.textContent()).toContain('by Sam (sales)');
    const own = await annaPage.request.get(`${url}/api/me/timeline?limit=100`);
    const body = await own.text();
    expect(body).toContain('Your case is in stock');
    expect(body).not.toContain('Budget is tight');
    expect(body).not.toContain(samId);
    expect(body).not.toContain('Okafor');
    await screenshot(annaPage, 'store-glance-anna-history');
    // Her orders show where each stands.
    await annaPage.goto(`${url}/account`);
    const mine = annaPage.getByRole('table', { name: 'Orders' });
    await mine.getByText('Paid').first().waitFor();
    await screenshot(annaPage, 'store-glance-anna-orders');
    await anna.close();
    await sam.close();
  });
});

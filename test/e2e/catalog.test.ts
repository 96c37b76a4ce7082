import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { screenshot } from './screenshot.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the customer picks a product', () => {
  it('lists both product families on the first page', async () => {
    await page.goto(server.url);
    const products = page.getByRole('list', { name: 'Products' }).getByRole('link');
    await products.first().waitFor();
    expect(await products.count()).toBe(2);
    expect(await page.locator('[data-catalog="pc"]').textContent()).toMatch(/\d+ modules · \d+ options/);
    await screenshot(page, 'home');
  });

  it('opens the PC and sees its slots with options and prices', async () => {
    await page.locator('[data-catalog="pc"]').click();
    await page.waitForURL(/\/configure\/pc$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const slotNames = await page.locator('[data-slot] h3').allTextContents();
    expect(slotNames.length).toBeGreaterThanOrEqual(10);
    const cpu = page.locator('[data-slot="cpu"]');
    expect(await cpu.locator('.option-card').count()).toBeGreaterThan(3);
    const prices = await cpu.locator('.option-price').allTextContents();
    for (const price of prices) expect(price).toMatch(/^€[\d,]+(\.\d{2})?$/);
    expect(await page.locator('.option-card').count()).toBeGreaterThanOrEqual(100);
    await screenshot(page, 'catalog-pc');
  });

  it('serves client-side routes on reload and says when a product does not exist', async () => {
    await page.goto(`${server.url}/configure/bike`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Not found');
  });
});

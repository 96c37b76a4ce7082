import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

/** What a shopper meets: the product list, the configure page at each screen size, prices and marks. */

const app = productForThisFile();
let page: Page;

beforeAll(async () => {
  page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

describe('the customer picks a product', () => {
  it('lists both product families on the first page', async () => {
    await page.goto(app.server.url);
    const products = page.getByRole('list', { name: 'Products' }).getByRole('link');
    await products.first().waitFor();
    expect(await products.count()).toBe(2);
    expect(await page.locator('[data-catalog="pc"]').textContent()).toMatch(/\d+ modules · \d+ options/);
    await screenshot(page, 'home');
  });

  it('opens the PC and sees its slots with options and prices', async () => {
    await page.locator('[data-catalog="pc"]').click();
    await page.waitForURL(/\/configure\/pc$/);
    await page.locator('[data-slot]').first().waitFor();
    const stepNames = await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button')
      .allTextContents();
    expect(stepNames.length).toBeGreaterThanOrEqual(4);
    const prices = await page.locator('[data-slot="case"] .option-price').allTextContents();
    expect(prices.length).toBeGreaterThan(3);
    for (const price of prices) expect(price).toMatch(/^[+−±]€[\d,]+(\.\d{2})?$/);
    expect(await page.getByTestId('total').textContent()).toMatch(/^€[\d,]+(\.\d{2})?$/);
    await screenshot(page, 'configure-pc');
  });

  it('follows an old product link to the configure page', async () => {
    await page.goto(`${app.server.url}/catalog/pc`);
    await page.waitForURL(/\/configure\/pc$/);
    await page.locator('[data-slot]').first().waitFor();
  });

  it('serves client-side routes on reload and says when a product does not exist', async () => {
    await page.goto(`${app.server.url}/configure/bike`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Not found');
  });
});

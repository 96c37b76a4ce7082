import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';

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

/** A fresh device at a screen size, the 3D view off (it has its own test). */
async function device(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
  return context.newPage();
}

const option = (p: Page, id: string) => p.locator(`[data-option="${id}"]`);

describe('what a shopper meets', () => {
  it('on a phone, the total and the step forward stay in view at the last option, covering nothing at the end', async () => {
    const phone = await device(app.browser, 390, 844);
    await phone.goto(`${app.server.url}/configure/pc`);
    const bar = phone.getByTestId('total-bar');
    await option(phone, 'case-fractal-terra').click();
    await phone.locator('[data-option]').last().scrollIntoViewIfNeeded();
    expect(await bar.isVisible()).toBe(true);
    const box = await bar.boundingBox();
    expect(box && box.y + box.height).toBeCloseTo(844, 0);
    expect(await phone.getByTestId('bar-total').textContent()).toBe(
      await phone.getByTestId('total').textContent(),
    );
    expect(await bar.getByRole('button', { name: 'Finish my build' }).isVisible()).toBe(true);
    await screenshot(phone, 'phone-total-bar');
    // At the very end the bar sits in its own place, below the summary's last line.
    await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const summary = await phone.getByRole('complementary', { name: 'Your build' }).boundingBox();
    const end = await bar.boundingBox();
    expect(summary && end && summary.y + summary.height).toBeLessThanOrEqual(end?.y ?? 0);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.context().close();
    // Wide screens keep the summary in view instead.
    const desk = await device(app.browser, 1280, 800);
    await desk.goto(`${app.server.url}/configure/pc`);
    await option(desk, 'case-fractal-terra').waitFor();
    expect(await desk.getByTestId('total-bar').isVisible()).toBe(false);
    await desk.context().close();
  });

  it('after Next, the focus is on the new step’s heading (and not taken on first load)', async () => {
    const p = await device(app.browser, 1280, 800);
    await p.goto(`${app.server.url}/configure/pc`);
    await option(p, 'case-fractal-terra').waitFor();
    const focused = () =>
      p.evaluate(() => (document.activeElement === document.body ? 'BODY' : document.activeElement?.id));
    expect(await focused()).toBe('BODY');
    const next = p.getByRole('button', { name: /^Next: / });
    const name = ((await next.textContent()) ?? '').replace(/^Next: (.*) →$/, '$1');
    await next.focus();
    await p.keyboard.press('Enter');
    await expect.poll(focused).toBe('step-title');
    expect(await p.locator('#step-title').textContent()).toBe(name);
    expect(await p.locator('#step-title').isVisible()).toBe(true);
    // The step list too.
    await p.getByRole('navigation', { name: 'Steps' }).getByRole('button').first().click();
    await expect.poll(focused).toBe('step-title');
    expect(await p.locator('#step-title').textContent()).toBe('Chassis');
    await p.context().close();
  });

  it('tells Anna why each option is recommended for her, from her own choices', async () => {
    const p = await device(app.browser, 1280, 900);
    await p.goto(`${app.server.url}/sign-in`);
    await p.getByLabel('E-mail').fill('anna@example.com');
    await p.getByLabel('Password').fill('demo1234');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await p.goto(`${app.server.url}/configure/pc`);
    await p.getByRole('button', { name: 'Start over' }).click();
    let explained = 0;
    for (const step of ['Chassis', 'Core']) {
      await p
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: new RegExp(step) })
        .click();
      const marked = p.locator('[data-recommended]');
      await expect.poll(() => marked.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      for (const card of await marked.all()) {
        const slot = card.locator('xpath=ancestor::section[@data-slot][1]');
        const hint = slot.getByTestId('mark-hint');
        const name = (await card.locator('.option-name').textContent()) ?? '∅';
        // Per option: its name and the evidence, as the popular marks give theirs.
        expect(await hint.textContent()).toMatch(
          new RegExp(
            `^★ Recommended for you: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ` +
              '(as you chose .+ in \\d+ of \\d+ choices?|which you chose in \\d+ of your \\d+ .+ choices?|priced where your \\d+ .+ choices? sits? \\(\\d+% of the price range\\))\\.$',
          ),
        );
        expect(await card.getAttribute('aria-describedby')).toContain((await hint.getAttribute('id')) ?? '∅');
        explained++;
      }
    }
    expect(explained).toBeGreaterThanOrEqual(2);
    await screenshot(p, 'anna-recommended-reasons');
    // A Mini-ITX board costs an assembly surcharge: listed as such, not as an offer.
    await p
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Chassis/ })
      .click();
    await option(p, 'case-fractal-terra').click();
    await p.getByRole('button', { name: 'Finish with my picks' }).click();
    await p.getByText('Price breakdown').click();
    expect(await p.locator('.breakdown li', { hasText: 'Small form factor assembly' }).textContent()).toMatch(
      /^Surcharge: Small form factor assembly.*€49$/,
    );
    await p.context().close();
  });
});

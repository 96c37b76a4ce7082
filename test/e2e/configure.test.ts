import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configurePage, productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';
import pcZh from '../../configs/catalogs/texts/pc.zh.json' with { type: 'json' };

const app = productForThisFile();
let page: Page;

beforeAll(async () => {
  page = await configurePage(app.browser);
});

const steps = (p: Page) => p.getByRole('navigation', { name: 'Steps' }).getByRole('button');
const choices = async (p: Page) => new URL(p.url()).searchParams.get('b') ?? '';

/** Clicks through every step, choosing the first available option of each slot that has nothing chosen yet. */
async function buildByClicking(p: Page): Promise<void> {
  const count = await steps(p).count();
  for (let i = 0; i < count; i++) {
    await steps(p).nth(i).click();
    const slots = p.locator('[data-slot]');
    for (let s = 0; s < (await slots.count()); s++) {
      const slot = slots.nth(s);
      if ((await slot.locator('[aria-pressed="true"]').count()) > 0) continue;
      if ((await slot.locator('.slot-kind').textContent()) !== 'choose one') continue;
      await slot.locator('[data-available="true"]').first().click();
    }
  }
}

describe('configuring a PC', () => {
  it('builds a complete PC by clicking through the steps, with no serious accessibility violations', async () => {
    await page.goto(`${app.server.url}/configure/pc`);
    await page.locator('[data-slot]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await buildByClicking(page);
    await page.getByRole('link', { name: /Review my build/ }).waitFor();
    expect(await page.getByTestId('count').textContent()).toContain('complete');
    await screenshot(page, 'configure-pc-complete');
  });

  it('explains an unavailable option, offers repairs and applies the chosen one', async () => {
    await page.goto(`${app.server.url}/configure/pc?b=case:case-fractal-terra`);
    await steps(page).nth(1).click();
    const blocked = page.locator('[data-slot="cpu"] [data-available="false"]').first();
    await blocked.hover();
    expect(await page.getByRole('tooltip').textContent()).toContain('Conflicts with Fractal Design Terra');
    const wanted = await blocked.getAttribute('data-option');
    await blocked.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Switch Case to .+[+−]€/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'configure-pc-repair');
    await page.locator('[data-repair="0"]').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator(`[data-option="${wanted}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await choices(page)).not.toContain('case-fractal-terra');
  });

  it('finishes the build, reloads the shared URL to the same build, and reviews it', async () => {
    await page.getByRole('button', { name: 'Finish my build' }).click();
    await page.getByRole('link', { name: /Review my build/ }).waitFor();
    const shared = page.url();
    const total = await page.getByTestId('total').textContent();
    const fresh = await app.browser.newPage();
    await fresh.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
    await fresh.goto(shared);
    await fresh.getByTestId('total').waitFor();
    expect(await fresh.getByTestId('total').textContent()).toBe(total);
    expect(await choices(fresh)).toBe(await choices(page));
    await fresh.getByRole('link', { name: /Review my build/ }).click();
    await fresh.getByRole('heading', { name: /Your Aurora Desktop/ }).waitFor();
    expect(await fresh.getByTestId('review-total').textContent()).toBe(total);
    expect(await axeViolations(fresh)).toEqual([]);
    await screenshot(fresh, 'review-pc');
    await fresh.close();
  });

  it('undoes and redoes a choice', async () => {
    const before = await choices(page);
    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await choices(page)).toBe('');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await choices(page)).toBe(before);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await choices(page)).toBe('');
  });

  it('says so when a shared link is broken, and starts afresh', async () => {
    await page.goto(`${app.server.url}/configure/pc?b=cpu:<script>`);
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('item 1 ("cpu:<script>")');
    await page.locator('[data-slot]').first().waitFor();
  });
});

describe('languages', () => {
  it('switches to German and Chinese texts and number formats, and keeps the choice on reload', async () => {
    await page.goto(`${app.server.url}/configure/pc?b=case:case-fractal-north`);
    await page.getByTestId('total').waitFor();
    const language = page.getByLabel('Language');
    await language.selectOption('de');
    await page.getByRole('heading', { name: 'Ihr Aurora Desktop konfigurieren' }).waitFor();
    // German money: thousands with a dot, the euro sign after the number.
    expect(await page.getByTestId('total').textContent()).toMatch(/^\d+(\.\d{3})*[\s\u00a0\u202f]€$/);
    expect(await page.getByRole('button', { name: 'Konfiguration vervollständigen' }).count()).toBe(1);
    await page.getByLabel('Sprache').selectOption('zh');
    // The catalog's own name in Chinese, from its texts file.
    const zhHeading = `配置你的 ${pcZh.catalog.name}`;
    await page.getByRole('heading', { name: zhHeading }).waitFor();
    expect(await page.getByRole('button', { name: '自动完成配置' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: zhHeading }).waitFor();
    await screenshot(page, 'configure-pc-zh');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Configure your Aurora Desktop' }).waitFor();
  });
});

describe('configuring a car', () => {
  it('builds a complete car by clicking through the steps', async () => {
    await page.goto(`${app.server.url}/configure/car`);
    await page.locator('[data-slot]').first().waitFor();
    await buildByClicking(page);
    await page.getByRole('link', { name: /Review my build/ }).waitFor();
    expect(await choices(page)).toMatch(/model:.+paint:.+wheels:/);
    await screenshot(page, 'configure-car-complete');
  });
});

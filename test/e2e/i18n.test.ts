import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CatalogTexts } from '../../src/core/catalog/index.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';

const app = productForThisFile();

const texts = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../configs/catalogs/texts/${name}.json`, import.meta.url), 'utf8'),
  ) as CatalogTexts;
const pcZh = texts('pc.zh');
const pcDe = texts('pc.de');

const FAMILY = 'Noto Sans SC Variable';
const isFontFile = (url: string) => /noto-sans-sc.*\.woff2$/.test(url);
/** The font's stylesheet (its own chunk, cjk-font.ts). */
const isFontStylesheet = (url: string) => /\/cjk-font[^/]*\.css$/.test(url);

/** A page in the browser language `locale` (the first visit's language) that records the font files it fetches. */
async function pageIn(browser: Browser, locale: string, viewport = { width: 1366, height: 1000 }) {
  const context = await browser.newContext({ locale, viewport });
  await context.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
  const page = await context.newPage();
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (isFontFile(request.url()) || isFontStylesheet(request.url())) fonts.push(request.url());
  });
  return { page, fonts };
}

/** Waits until the Chinese font's slices the page needs are loaded, then asks the browser whether it renders with it. */
async function rendersInBundledFont(page: Page, sample: string): Promise<boolean> {
  await page.waitForFunction(
    (family) => [...document.fonts].some((f) => f.family.includes(family) && f.status === 'loaded'),
    FAMILY,
  );
  return page.evaluate(
    async ([family, text]) => {
      await document.fonts.ready;
      return document.fonts.check(`16px "${family}"`, text);
    },
    [FAMILY, sample] as const,
  );
}

/**
 * Whether the text of `selector` is drawn as text shaped afresh is. Chromium reused text shaped before its font slice
 * had loaded, as empty boxes, until the font's description changed (cjk-font.ts): a description never used before
 * (an OpenType feature no font has) shapes afresh.
 */
async function drawnAsShapedAfresh(page: Page, selector: string): Promise<boolean> {
  const element = page.locator(selector).first();
  const before = await element.screenshot();
  await element.evaluate((el: HTMLElement) => (el.style.fontFeatureSettings = '"xtst" 1'));
  const fresh = await element.screenshot();
  await element.evaluate((el: HTMLElement) => (el.style.fontFeatureSettings = ''));
  return before.equals(fresh);
}

async function openPc(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/configure/pc`);
  await page.locator('[data-slot]').first().waitFor();
}

describe('the configurator in the shopper’s language', () => {
  it('shows a Chinese visitor the catalog in Chinese, in the bundled font', async () => {
    const { page, fonts } = await pageIn(app.browser, 'zh-CN');
    await openPc(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
    expect(await page.locator('#step-title').textContent()).toBe(pcZh.groups?.chassis);
    expect(await page.locator('#slot-case').textContent()).toBe(pcZh.slots?.case?.name);
    const compact = page.locator('[data-option="case-aurora-compact-s"] .option-name');
    expect(await compact.textContent()).toBe(pcZh.options?.['case-aurora-compact-s']?.name);
    expect(await rendersInBundledFont(page, '中文字符')).toBe(true);
    // Split by unicode-range: the page fetched some of the 101 slices, not the whole font.
    expect(fonts.filter(isFontStylesheet)).toHaveLength(1);
    const slices = fonts.filter(isFontFile).length;
    expect(slices).toBeGreaterThan(0);
    expect(slices).toBeLessThan(101);
    // The computed family names the bundled font for Chinese text.
    expect(await compact.evaluate((el) => getComputedStyle(el).fontFamily)).toContain(FAMILY);
    expect(await drawnAsShapedAfresh(page, '.site-header')).toBe(true);
    expect(await drawnAsShapedAfresh(page, 'h1')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-zh-configure-desktop');

    await page.getByRole('navigation', { name: '步骤' }).getByRole('button').nth(1).click();
    expect(await page.locator('#step-title').textContent()).toBe(pcZh.groups?.core);
    await page.context().close();
  });

  it('shows the products and the configure page on a phone too', async () => {
    const { page } = await pageIn(app.browser, 'zh-CN', { width: 390, height: 844 });
    await page.goto(`${app.server.url}/`);
    const name = page.locator('[data-catalog="pc"] .product-name');
    await name.waitFor();
    expect(await name.textContent()).toBe(pcZh.catalog?.name);
    // (its Chinese characters: Latin ones are the system font's, whose slice of the bundled font never loads)
    expect(
      await rendersInBundledFont(page, (pcZh.catalog?.name ?? '').replace(/[^\u4e00-\u9fff]/g, '')),
    ).toBe(true);
    expect(await drawnAsShapedAfresh(page, 'h1')).toBe(true);
    await screenshot(page, 'i18n-zh-home-phone');
    await openPc(page);
    expect(await rendersInBundledFont(page, pcZh.slots?.case?.name ?? '')).toBe(true);
    await screenshot(page, 'i18n-zh-configure-phone');
    await page.context().close();
  });

  it('shows a German visitor German catalog texts, and never fetches the Chinese font', async () => {
    const { page, fonts } = await pageIn(app.browser, 'de-DE');
    await openPc(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('#slot-case').textContent()).toBe(pcDe.slots?.case?.name);
    expect(await page.locator('[data-option="case-aurora-compact-s"] .option-name').textContent()).toBe(
      pcDe.options?.['case-aurora-compact-s']?.name,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-de-configure-desktop');
    await page.evaluate(() => document.fonts.ready);
    expect(fonts).toEqual([]);
    await page.context().close();
  });

  it('never fetches the Chinese font for an English visitor, and fetches it once they switch to Chinese', async () => {
    const { page, fonts } = await pageIn(app.browser, 'en-US');
    await page.goto(`${app.server.url}/`);
    await page.locator('[data-catalog="pc"]').waitFor();
    await openPc(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('#slot-case').textContent()).toBe('Case');
    await page.evaluate(() => document.fonts.ready);
    expect(fonts).toEqual([]);

    await page.getByLabel('Language').selectOption('zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
    expect(await page.locator('#slot-case').textContent()).toBe(pcZh.slots?.case?.name);
    expect(await rendersInBundledFont(page, '中文字符')).toBe(true);
    expect(fonts.length).toBeGreaterThan(0);
    await page.context().close();
  });
});

/** The static assets of public/ (copied into dist/client by the build) served by the real server and taken by Chromium. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { productForThisFile } from './product.ts';

const app = productForThisFile();
let page: Page;

beforeAll(async () => {
  page = await app.browser.newPage();
  await page.goto(app.server.url);
});

/** A file the page links to, fetched as the browser would; a missing file would come back as index.html. */
async function linked(rel: string): Promise<{ url: string; type: string; body: string }> {
  const href = await page.locator(`link[rel="${rel}"]`).getAttribute('href');
  expect(href, `<link rel="${rel}"> in index.html`).toBeTruthy();
  const url = new URL(href as string, app.server.url).href;
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return { url, type: response.headers()['content-type'] ?? '', body: await response.text() };
}

describe('the static assets', () => {
  it('serves the favicon the page links to, an SVG image', async () => {
    const icon = await linked('icon');
    expect(icon.type).toMatch(/^image\/svg\+xml/);
    expect(icon.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('serves the web manifest, which Chromium reads without errors, with the page theme colour and a served icon', async () => {
    const manifest = await linked('manifest');
    const cdp = await page.context().newCDPSession(page);
    const read = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string }[];
      data?: string;
    };
    expect(read.url).toBe(manifest.url);
    expect(read.errors).toEqual([]);
    const data = JSON.parse(read.data ?? '{}') as {
      name?: string;
      theme_color?: string;
      icons?: { src: string; type?: string }[];
    };
    expect(data.name).toMatch(/Configure/);
    expect(data.theme_color).toBe(await page.locator('meta[name="theme-color"]').getAttribute('content'));
    expect(data.icons?.length).toBeGreaterThan(0);
    for (const icon of data.icons ?? []) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\//);
    }
  });
});

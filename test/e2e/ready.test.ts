import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { productForThisFile } from './product.ts';

const app = productForThisFile();

/** A fresh browser context (cold cache), the 3D view off; every request the page makes is kept. */
async function coldPage(): Promise<{ page: Page; requests: Request[]; warnings: string[] }> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 1000 } });
  await context.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
  const page = await context.newPage();
  const requests: Request[] = [];
  const warnings: string[] = [];
  page.on('request', (request) => requests.push(request));
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return { page, requests, warnings };
}

const paths = (requests: Request[]) => requests.map((r) => new URL(r.url()).pathname);
const firstOption = (page: Page) => page.locator('[data-slot] [data-option]').first();

describe('the configure page on a cold visit', () => {
  it('reads the catalog compiled by the server, never compiles it, and revalidates it on the next visit', async () => {
    const { page, requests, warnings } = await coldPage();
    // The configure page's code is held back until the page has asked for its data: asked for by the entry code
    // before React renders, not by the page once it has arrived (a comparison of timings was flaky on a busy machine).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/configure-page-*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${app.server.url}/configure/pc`, { waitUntil: 'commit' });
    await expect
      .poll(() => paths(requests), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['/api/catalogs/pc/compiled', '/api/catalogs/pc', '/api/me']));
    release();
    await firstOption(page).waitFor();
    await page.unrouteAll(); // routing turns the HTTP cache off, and the reload below is about the cache
    const compiled = requests.find((r) => new URL(r.url()).pathname === '/api/catalogs/pc/compiled');
    expect((await compiled?.response())?.status()).toBe(200);
    expect((await compiled?.response())?.headers()['content-encoding']).toBe('gzip');
    expect(paths(requests).some((p) => p.includes('engine.worker'))).toBe(false);
    expect(warnings).toEqual([]);
    // The browser keeps it: the next visit asks whether it changed (If-None-Match) and the server says no.
    requests.length = 0;
    await page.reload();
    await firstOption(page).waitFor();
    const again = requests.find((r) => new URL(r.url()).pathname === '/api/catalogs/pc/compiled');
    expect((await again?.allHeaders())?.['if-none-match']).toMatch(/^"[0-9a-f]{32}(-gzip)?"$/);
    await page.context().close();
  });

  it('compiles the catalog itself when the compiled form is damaged, and says why in the console', async () => {
    const { page, requests, warnings } = await coldPage();
    await page.route('**/api/catalogs/car/compiled', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 0xff;
      await route.fulfill({ response, body, headers: { 'content-type': 'application/octet-stream' } });
    });
    await page.goto(`${app.server.url}/configure/car`);
    await firstOption(page).waitFor();
    expect(paths(requests).some((p) => p.includes('engine.worker'))).toBe(true);
    expect(warnings.join('\n')).toMatch(/compiled form of car cannot be used.*checksum/s);
    // The session works on the configurator compiled here.
    const option = page.locator('[data-slot] [data-available="true"][aria-pressed="false"]').first();
    await option.click();
    await page.waitForURL(/b=/);
    await page.context().close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { person } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

/**
 * The shopper's changes survive a lost connection: kept in the browser with a visible status, saved once the
 * connection is back, and found on the server afterwards.
 */

const app = productForThisFile();

const option = (page: Page, id: string) => page.locator(`[data-option="${id}"]`);
const step = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(name) });
const pressed = (page: Page, id: string) => option(page, id).getAttribute('aria-pressed');
const OFFLINE = 'Offline — your changes are kept here and will be saved when the connection is back';

async function choose(page: Page, stepName: string, id: string) {
  await step(page, stepName).click();
  await option(page, id).click();
  await expect.poll(() => pressed(page, id)).toBe('true');
}

/** An available option of `slot` not chosen yet (the catalog decides which fit). */
async function another(page: Page, stepName: string, slot: string): Promise<string> {
  await step(page, stepName).click();
  const free = page.locator(
    `[data-slot="${slot}"] [data-option][data-available="true"][aria-pressed="false"]`,
  );
  return (await free.last().getAttribute('data-option')) ?? '';
}

/** The choices of the guest's car session as the server holds it (read with the page's cookies). */
async function stored(page: Page): Promise<Record<string, Record<string, number>>> {
  const res = await page.request.get(`${app.server.url}/api/sessions/car`);
  const body = (await res.json()) as {
    session: { snapshot: { context: { choices: Record<string, Record<string, number>> } } } | null;
  };
  return body.session?.snapshot.context.choices ?? {};
}

const isSave = (request: Request) =>
  request.method() === 'PUT' && new URL(request.url()).pathname === '/api/sessions/car';

describe('saving through a lost connection', () => {
  it('keeps the changes while offline, saves them once when the connection is back, and the server has both', async () => {
    const { context, page } = await person(app.browser, { width: 1280, height: 800 });
    try {
      await page.goto(`${app.server.url}/configure/car`);
      await page.locator('[data-slot]').first().waitFor();
      const status = page.getByRole('complementary', { name: 'Your build' }).getByTestId('save-status');
      await choose(page, 'Model', 'model-lumo-sportwagon');
      await expect.poll(() => stored(page)).toMatchObject({ model: { 'model-lumo-sportwagon': 1 } });
      await expect.poll(() => status.textContent()).toBe('All changes saved');

      // The connection goes: a change is kept here, and the page says so (politely, with a way to retry).
      await context.setOffline(true);
      await choose(page, 'Exterior', 'paint-signal-red');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(OFFLINE);
      expect(await status.getByRole('status').getAttribute('aria-live')).toBe('polite');
      expect(await status.getByRole('button', { name: 'Retry now' }).isVisible()).toBe(true);
      const seat = await another(page, 'Interior', 'seats');
      await choose(page, 'Interior', seat);
      expect(await status.textContent()).toContain(OFFLINE);
      await screenshot(page, 'offline-desktop');
      expect(await axeViolations(page)).toEqual([]);

      // It comes back: one save, carrying both changes, and the page says all is saved.
      const saves: Request[] = [];
      page.on('requestfinished', (request) => {
        if (isSave(request)) saves.push(request);
      });
      await context.setOffline(false);
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('All changes saved');
      expect(saves).toHaveLength(1);
      const sent = saves[0]?.postDataJSON() as {
        session: { snapshot: { context: { choices: Record<string, Record<string, number>> } } };
      };
      expect(sent.session.snapshot.context.choices).toMatchObject({
        paint: { 'paint-signal-red': 1 },
        seats: { [seat]: 1 },
      });
      expect(await stored(page)).toMatchObject({ paint: { 'paint-signal-red': 1 }, seats: { [seat]: 1 } });

      // Opened afresh (no build in the link), the session comes back from the server with both changes.
      await page.goto(`${app.server.url}/configure/car`);
      await expect
        .poll(() => page.getByTestId('session-notice').textContent())
        .toContain('this is the build you left on');
      await step(page, 'Exterior').click();
      await expect.poll(() => pressed(page, 'paint-signal-red')).toBe('true');
      await step(page, 'Interior').click();
      await expect.poll(() => pressed(page, seat)).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('on a phone, a failing server (503) shows the status in the bottom bar; "Retry now" saves', async () => {
    const { context, page } = await person(app.browser, { width: 390, height: 844, touch: true });
    try {
      await page.goto(`${app.server.url}/configure/car`);
      await page.locator('[data-slot]').first().waitFor();
      await page.route('**/api/sessions/car', (route) =>
        isSave(route.request())
          ? route.fulfill({ status: 503, contentType: 'application/json', body: '{}' })
          : route.fallback(),
      );
      await choose(page, 'Model', 'model-lumo-cross');
      const bar = page.getByTestId('total-bar');
      await expect
        .poll(() => bar.getByTestId('save-status').textContent(), { timeout: 10_000 })
        .toContain(OFFLINE);
      // Shown once: the summary's copy is hidden on narrow screens.
      expect(await page.getByText(OFFLINE).count()).toBe(2);
      expect(await page.getByText(OFFLINE).filter({ visible: true }).count()).toBe(1);
      await screenshot(page, 'offline-phone');
      expect(await axeViolations(page)).toEqual([]);

      await page.unroute('**/api/sessions/car');
      await bar.getByRole('button', { name: 'Retry now' }).click();
      await expect
        .poll(() => bar.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 })
        .toBe('saved');
      expect(await stored(page)).toMatchObject({ model: { 'model-lumo-cross': 1 } });
    } finally {
      await context.close();
    }
  });
});

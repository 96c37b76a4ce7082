import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

/** A browser profile of its own (a device, or the store's tablet), the 3D view off (it has its own test). */
async function device(width = 1366, height = 1000): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${app.server.url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

const option = (page: Page, id: string) => page.locator(`[data-option="${id}"]`);
const step = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(name) });
const pressed = (page: Page, id: string) => option(page, id).getAttribute('aria-pressed');

/** The revision of Anna's stored car session, as her browser reads it (its cookies). */
async function revision(page: Page): Promise<number> {
  const res = await page.request.get(`${app.server.url}/api/sessions/car`);
  return ((await res.json()) as { revision: number }).revision;
}
async function choose(page: Page, stepName: string, id: string) {
  await step(page, stepName).click();
  await option(page, id).click();
  await expect.poll(() => pressed(page, id)).toBe('true');
}

describe('continuing a build elsewhere', () => {
  it('a save over a build changed on another device shows the conflict dialog; Keep both keeps hers and loads theirs, nothing lost', async () => {
    const laptop = await device();
    const phone = await device(412, 900);
    try {
      await signIn(laptop.page, 'anna@example.com');
      await signIn(phone.page, 'anna@example.com');
      // On the laptop Anna starts a car half-way; autosave keeps it (one revision further).
      await laptop.page.goto(`${app.server.url}/configure/car`);
      await laptop.page.locator('[data-slot]').first().waitFor();
      const start = await revision(laptop.page);
      await choose(laptop.page, 'Model', 'model-lumo-sportwagon');
      await choose(laptop.page, 'Exterior', 'paint-signal-red');
      await expect.poll(() => revision(laptop.page), { timeout: 10_000 }).toBeGreaterThan(start);

      // The phone opens it where she left it, and changes the paint (saved over the laptop's revision).
      const before = await revision(phone.page);
      await phone.page.goto(`${app.server.url}/configure/car`);
      await expect
        .poll(() => phone.page.getByTestId('session-notice').textContent())
        .toContain('this is the build you left on');
      await choose(phone.page, 'Exterior', 'paint-fjord-blue');
      await expect.poll(() => revision(phone.page), { timeout: 10_000 }).toBeGreaterThan(before);

      // Back on the laptop (still on the old revision) she picks another paint: that save is refused, and she is told.
      await option(laptop.page, 'paint-lagoon-teal').click();
      const dialog = laptop.page.getByRole('dialog', { name: 'This build was changed elsewhere' });
      await dialog.waitFor({ timeout: 10_000 });
      expect(await dialog.textContent()).toContain('changed on another device');
      await screenshot(laptop.page, 'session-conflict');
      expect(await axeViolations(laptop.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Keep both' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Theirs is loaded (the phone's blue), and hers is among her saved builds with the teal.
      await step(laptop.page, 'Exterior').click();
      await expect.poll(() => pressed(laptop.page, 'paint-fjord-blue')).toBe('true');
      const builds = (await (await laptop.page.request.get(`${app.server.url}/api/builds`)).json()) as {
        name: string;
        selections: Record<string, Record<string, number>>;
      }[];
      const kept = builds.find((b) => b.name.startsWith('Kept on'));
      expect(kept?.selections.paint).toEqual({ 'paint-lagoon-teal': 1 });
      // The stored session is still the phone's; the laptop saves again from the new revision without a conflict.
      const stored = (await (await laptop.page.request.get(`${app.server.url}/api/sessions/car`)).json()) as {
        session: { snapshot: { context: { choices: Record<string, Record<string, number>> } } };
      };
      expect(stored.session.snapshot.context.choices.paint).toEqual({ 'paint-fjord-blue': 1 });
      const now = await revision(laptop.page);
      await option(laptop.page, 'paint-copper-flame').click();
      await expect.poll(() => revision(laptop.page), { timeout: 10_000 }).toBeGreaterThan(now);
      expect(await laptop.page.getByRole('dialog').count()).toBe(0);
    } finally {
      await laptop.context.close();
      await phone.context.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { person, signIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

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
    const laptop = await person(app.browser);
    const phone = await person(app.browser, { width: 412, height: 900 });
    try {
      await signIn(laptop.page, app.server.url, 'anna@example.com');
      await signIn(phone.page, app.server.url, 'anna@example.com');
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

  it('Sam continues Anna’s car from her glance page (undo works), changes two options and saves it to her account; Anna sees it; a concurrent edit conflicts on one side, nothing lost', async () => {
    const anna = await person(app.browser);
    const sam = await person(app.browser, { width: 1024, height: 768 });
    try {
      // Anna leaves a car half-way online.
      await signIn(anna.page, app.server.url, 'anna@example.com');
      await anna.page.goto(`${app.server.url}/configure/car`);
      await anna.page.locator('[data-slot]').first().waitFor();
      const start = await revision(anna.page);
      await choose(anna.page, 'Model', 'model-lumo-cross');
      await choose(anna.page, 'Exterior', 'paint-signal-red');
      await expect.poll(() => revision(anna.page), { timeout: 10_000 }).toBeGreaterThan(start);

      // Sam opens it from her glance page, where she left it, undo history included.
      await signIn(sam.page, app.server.url, 'sam@example.com');
      const found = (await (
        await sam.page.request.get(`${app.server.url}/api/customers?q=anna@example.com`)
      ).json()) as {
        id: string;
      }[];
      const annaId = found[0]?.id ?? '';
      await sam.page.goto(`${app.server.url}/store/customers/${annaId}`);
      await sam.page
        .getByRole('region', { name: /^Live web sessions/ })
        .getByRole('listitem')
        .filter({ hasText: 'Veyra Lumo' })
        .getByRole('link', { name: /Continue/ })
        .click();
      await sam.page.waitForURL(new RegExp(`/store/customers/${annaId}/configure/car`));
      await expect
        .poll(() => sam.page.getByTestId('session-notice').textContent())
        .toMatch(/Continuing Anna’s build from .+, undo history included/);
      await step(sam.page, 'Exterior').click();
      await expect.poll(() => pressed(sam.page, 'paint-signal-red')).toBe('true');
      await sam.page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => pressed(sam.page, 'paint-signal-red')).toBe('false');
      await sam.page.getByRole('button', { name: 'Redo' }).click();
      await expect.poll(() => pressed(sam.page, 'paint-signal-red')).toBe('true');

      // Two changes, kept in her live session by the staff route.
      const before = await revision(anna.page);
      await choose(sam.page, 'Exterior', 'paint-fjord-blue');
      const wheel = sam.page.locator('[data-slot="wheels"] [data-option][data-available="true"]').last();
      const wheelId = (await wheel.getAttribute('data-option')) ?? '';
      await wheel.click();
      await expect.poll(() => pressed(sam.page, wheelId)).toBe('true');
      await expect.poll(() => revision(anna.page), { timeout: 10_000 }).toBeGreaterThan(before);
      await sam.page.getByRole('button', { name: 'Finish with my picks' }).click();
      await sam.page.getByRole('button', { name: 'Save to Anna’s account' }).click();
      await sam.page.getByText(/Saved to Anna’s account as/).waitFor();
      expect(await sam.page.getByRole('link', { name: 'Quote this build →' }).getAttribute('href')).toMatch(
        new RegExp(`^/store/customers/${annaId}/quotes/new\\?build=.+`),
      );
      await screenshot(sam.page, 'store-continue-tablet');
      expect(await axeViolations(sam.page)).toEqual([]);

      // Anna reloads: the changed build, and who changed it is in her session.
      await anna.page.goto(`${app.server.url}/configure/car`);
      await step(anna.page, 'Exterior').click();
      await expect.poll(() => pressed(anna.page, 'paint-fjord-blue')).toBe('true');
      await expect.poll(() => pressed(anna.page, wheelId)).toBe('true');
      const stored = (await (await anna.page.request.get(`${app.server.url}/api/sessions/car`)).json()) as {
        updatedBy: unknown;
      };
      expect(stored.updatedBy).toEqual({ channel: 'store', name: 'Sam', role: 'sales' });

      // Both change the paint at once: one side's save is refused and says so; the stored one is the other's.
      await option(anna.page, 'paint-polar-white').click();
      await expect.poll(() => revision(anna.page), { timeout: 10_000 }).toBeGreaterThan(0);
      await step(sam.page, 'Exterior').click();
      await option(sam.page, 'paint-phantom-black').click();
      const dialog = sam.page.getByRole('dialog', { name: 'This build was changed elsewhere' });
      await dialog.waitFor({ timeout: 10_000 });
      expect(await dialog.textContent()).toContain('Anna changed this build online meanwhile');
      await screenshot(sam.page, 'store-continue-conflict');
      await dialog.getByRole('button', { name: 'Reload theirs' }).click();
      await expect.poll(() => pressed(sam.page, 'paint-polar-white')).toBe('true');
    } finally {
      await anna.context.close();
      await sam.context.close();
    }
  });
});

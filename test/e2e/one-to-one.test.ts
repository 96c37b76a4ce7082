import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { confirmByMail, person, signIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';
import carDe from '../../configs/catalogs/texts/car.de.json' with { type: 'json' };

/**
 * The one-to-one promise end to end: what a customer chooses on one visit shapes what they are offered on the
 * next, on another device, and every recommendation shown is measured.
 */

const app = productForThisFile();

const EMAIL = `eve.${Date.now()}@example.com`;
const PASSWORD = 'red-wagon-2026';

const option = (page: Page, id: string) => page.locator(`[data-option="${id}"]`);
const step = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(name) });

describe('one to one, in Chromium', () => {
  it('a customer configures and saves; on another device they are greeted with the build, and their defaults follow their choices', async () => {
    // First visit: a new customer builds a red Sportwagon and saves it.
    const first = await person(app.browser);
    await first.page.goto(`${app.server.url}/sign-up`);
    await first.page.getByLabel('Name').fill('Eve Example');
    await first.page.getByLabel('E-mail').fill(EMAIL);
    await first.page.getByLabel('Password').fill(PASSWORD);
    await confirmByMail(first.page, EMAIL);

    await first.page.goto(`${app.server.url}/configure/car`);
    // A new customer has no history: nothing is "recommended for you" yet.
    await option(first.page, 'model-lumo-sportwagon').click();
    await expect.poll(() => first.page.locator('[data-recommended]').count()).toBe(0);
    await step(first.page, 'Exterior').click();
    await option(first.page, 'paint-signal-red').click();
    await expect.poll(() => option(first.page, 'paint-signal-red').getAttribute('aria-pressed')).toBe('true');
    await first.page.getByRole('button', { name: 'Finish my build' }).click();
    await first.page.getByRole('link', { name: /review/i }).click();
    const yourPrice = first.page.getByTestId('your-price');
    await expect.poll(() => yourPrice.textContent()).toMatch(/€/);
    await first.page.getByLabel('Name of this build').fill('Red wagon');
    await first.page.getByRole('button', { name: 'Save build' }).click();
    await expect
      .poll(() => first.page.getByTestId('send-result').textContent())
      .toContain('Saved as “Red wagon”');
    const savedLink = new URL(first.page.url()).searchParams.get('b') ?? '';
    expect(savedLink).toContain('paint:paint-signal-red');
    await first.context.close();

    // Later, another device: the product opens on the session left on the first one, undo history included.
    const later = await person(app.browser);
    await signIn(later.page, app.server.url, EMAIL, { password: PASSWORD });
    await later.page.goto(`${app.server.url}/configure/car`);
    await expect
      .poll(() => later.page.getByTestId('session-notice').textContent())
      .toContain('this is the build you left on');
    expect(new URL(later.page.url()).searchParams.get('b')).toBe(savedLink);
    expect(await later.page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);

    // The home page greets them by name with the saved build, which opens as it was.
    await later.page.goto(`${app.server.url}/`);
    const welcome = later.page.getByTestId('welcome');
    await expect.poll(() => welcome.textContent()).toContain('Welcome back, Eve Example.');
    expect(await axeViolations(later.page)).toEqual([]);
    await welcome.getByRole('link', { name: 'Continue “Red wagon”' }).click();
    await later.page.waitForURL(/\/configure\/car\?b=/);
    expect(new URL(later.page.url()).searchParams.get('b')).toBe(savedLink);
    await step(later.page, 'Exterior').click();
    await expect.poll(() => option(later.page, 'paint-signal-red').getAttribute('aria-pressed')).toBe('true');

    // A fresh build: the defaults reflect the earlier choices, only among options that still fit.
    await later.page.getByRole('button', { name: 'Start over' }).click();
    await step(later.page, 'Model').click();
    await expect
      .poll(() => option(later.page, 'model-lumo-sportwagon').getAttribute('data-recommended'))
      .toBe('true');
    await step(later.page, 'Exterior').click();
    await expect
      .poll(() => option(later.page, 'paint-signal-red').getAttribute('data-recommended'))
      .toBe('true');
    expect(await option(later.page, 'paint-signal-red').textContent()).toContain('Recommended for you');
    await screenshot(later.page, 'one-to-one-recommended');
    await later.page.getByTestId('similar-builds').waitFor();
    expect(await axeViolations(later.page)).toEqual([]);
    await later.page.getByRole('button', { name: 'Finish with my picks' }).click();
    await expect.poll(() => option(later.page, 'paint-signal-red').getAttribute('aria-pressed')).toBe('true');
    await step(later.page, 'Model').click();
    expect(await option(later.page, 'model-lumo-sportwagon').getAttribute('aria-pressed')).toBe('true');

    // The customer's own history holds the choices and the save, from the web.
    const timeline = await later.page.request.get(`${app.server.url}/api/me/timeline?limit=100`);
    const kinds = ((await timeline.json()) as { items: { kind: string; channel: string }[] }).items;
    expect(kinds.map((i) => i.kind)).toEqual(expect.arrayContaining(['config.chose', 'build.saved']));
    expect(new Set(kinds.map((i) => i.channel))).toEqual(new Set(['web']));
    await later.page.goto(`${app.server.url}/`); // leaving the page sends what is still queued
    await later.context.close();

    // The data shows the recommendations shown and taken (staff see the acceptance rate).
    const staff = await person(app.browser);
    await signIn(staff.page, app.server.url, 'sam@example.com', { password: 'demo1234' });
    const rate = async () => {
      const res = await staff.page.request.get(
        `${app.server.url}/api/recommendations/acceptance?catalogId=car`,
      );
      return (await res.json()) as {
        shown: number;
        taken: number;
        bySource: { source: string; taken: number }[];
      };
    };
    await expect
      .poll(async () => (await rate()).bySource.find((s) => s.source === 'preferences')?.taken ?? 0)
      .toBeGreaterThanOrEqual(2);
    const seen = await rate();
    expect(seen.shown).toBeGreaterThanOrEqual(seen.taken);
    await staff.context.close();
  });

  it('shows a guest what buyers chose, in words, following each choice, and measures what is taken', async () => {
    const guest = await person(app.browser);
    const { page } = guest;
    await page.goto(`${app.server.url}/configure/car`);
    // Learned in the browser from the seeded orders: nothing chosen yet, so the reason is all buyers.
    const hints = page.getByTestId('mark-hint');
    // (compiled, then learned in a worker: seconds on a loaded machine).
    await expect.poll(() => hints.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await hints.first().textContent()).toMatch(/\d+% of all buyers chose .+ \(\d+ orders\)\.$/);
    await option(page, 'model-lumo-sportwagon').click();
    await step(page, 'Exterior').click();
    const paint = page.locator('[data-slot="paint"]');
    const paintHint = paint.getByTestId('mark-hint');
    await expect
      .poll(() => paintHint.textContent())
      .toMatch(
        /(Most buyers|\d+% of buyers) of Veyra Lumo Sportwagon \(estate\) chose .+ \(.+\d+ orders\)\.$/,
      );
    const marked = paint.locator('[data-popular]');
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-available')).toBe('true');
    const name = (await marked.locator('.option-name').textContent()) ?? '∅';
    const markedId = (await marked.getAttribute('data-option')) ?? '∅';
    expect(await paintHint.textContent()).toContain(`chose ${name}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'configure-popular-marks');

    await page.getByLabel('Language').selectOption('de');
    await expect
      .poll(() => paintHint.textContent())
      .toContain(`Käufer von ${carDe.options['model-lumo-sportwagon'].name}`);
    await page.getByLabel('Sprache').selectOption('en');
    // Taking the mark: the slot is chosen, so its mark goes; the take is logged for the acceptance rate.
    await marked.click();
    await expect.poll(() => option(page, markedId).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => paintHint.count()).toBe(0);
    // The rest as most buyers of such a car chose it: a complete, valid build that keeps what was chosen.
    await page.getByRole('button', { name: 'Finish like most buyers' }).click();
    await expect.poll(() => page.getByTestId('count').getAttribute('data-complete')).toBe('true');
    expect(await option(page, markedId).getAttribute('aria-pressed')).toBe('true');
    await step(page, 'Model').click();
    expect(await option(page, 'model-lumo-sportwagon').getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${app.server.url}/`); // leaving the page sends what is still queued
    await guest.context.close();

    const staff = await person(app.browser);
    await signIn(staff.page, app.server.url, 'sam@example.com', { password: 'demo1234' });
    // Staff trying the configurator keep nothing of theirs on the server, so nothing is refused.
    const refused: string[] = [];
    staff.page.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await staff.page.goto(`${app.server.url}/configure/car`);
    await option(staff.page, 'model-lumo-cross').click();
    await expect.poll(() => option(staff.page, 'model-lumo-cross').getAttribute('aria-pressed')).toBe('true');
    await staff.page.waitForTimeout(1500); // past the autosave delay
    await staff.page.goto(`${app.server.url}/`);
    expect(refused).toEqual([]);
    const population = async () => {
      const res = await staff.page.request.get(
        `${app.server.url}/api/recommendations/acceptance?source=population`,
      );
      return ((await res.json()) as { bySource: { source: string; shown: number; taken: number }[] })
        .bySource;
    };
    await expect.poll(async () => (await population())[0]?.taken ?? 0).toBeGreaterThanOrEqual(1);
    const [row] = await population();
    expect(row?.shown).toBeGreaterThanOrEqual(4);
    await staff.context.close();
  });

  it('asks a guest to sign in before a quote, then sends it at the customer price without asking again', async () => {
    const guest = await person(app.browser);
    const { page } = guest;
    await page.goto(`${app.server.url}/configure/car`);
    await page.getByRole('button', { name: 'Finish my build' }).click();
    await page.getByRole('link', { name: /review/i }).click();
    await expect.poll(() => page.getByTestId('your-price').textContent()).toMatch(/€/);
    await page.getByRole('button', { name: 'Request a quote' }).click();
    const problem = page.getByTestId('send-problem');
    await expect.poll(() => problem.getAttribute('data-code')).toBe('sign_in_required');
    expect(await axeViolations(page)).toEqual([]);
    await problem.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('E-mail').fill('anna@example.com');
    await page.getByLabel('Password').fill('demo1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/configure\/car\/review\?b=/);
    const result = page.getByTestId('send-result');
    await expect.poll(() => result.getAttribute('data-kind')).toBe('quote');
    // Anna's loyalty offer is applied, and the quote is at the price the page shows.
    const shown = await page.getByTestId('your-price').textContent();
    expect(await result.textContent()).toContain(shown ?? '∅');
    const quotes = (await (await page.request.get(`${app.server.url}/api/quotes`)).json()) as {
      totalCents: number;
    }[];
    expect(quotes.length).toBeGreaterThan(0);
    await screenshot(page, 'review-quote-after-sign-in');
    expect(await axeViolations(page)).toEqual([]);
    await guest.context.close();
  });
});

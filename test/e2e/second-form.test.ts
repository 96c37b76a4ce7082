import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configurePage, productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

/**
 * A catalog whose diagram would pass the engine's bound is served as a decision-DNNF, and the page works the same:
 * the server starts with the MDD's bound at one conjunction step, so the car (a few thousand) comes as a d-DNNF.
 */

const app = productForThisFile({ ENGINE_MAX_WORK: '1' });
let page: Page;
/** What the page said about its engine: a compile in the browser, or a compiled form it could not use. */
const engineEvents: string[] = [];

beforeAll(async () => {
  page = await configurePage(app.browser);
  page.on('worker', (worker) => {
    if (worker.url().includes('engine')) engineEvents.push(`compiled in a worker: ${worker.url()}`);
  });
  page.on('console', (message) => {
    if (message.text().includes('cannot be used')) engineEvents.push(message.text());
  });
});

const steps = (p: Page) => p.getByRole('navigation', { name: 'Steps' }).getByRole('button');
const choices = (p: Page) => new URL(p.url()).searchParams.get('b') ?? '';

describe('the car served as a d-DNNF', () => {
  it('is served in the circuit format', async () => {
    const res = await fetch(`${app.server.url}/api/catalogs/car/compiled`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('DNNB');
  });

  it('configures by clicks, explains an unavailable option and applies its fix, on the served form', async () => {
    await page.goto(`${app.server.url}/configure/car`);
    await page.locator('[data-slot]').first().waitFor();
    // A few clicks: an electric engine, then the first model and trim still available with it.
    await steps(page).nth(1).click();
    const ev = page.locator('[data-option="eng-ev-60-150"]');
    await ev.click();
    await expect.poll(() => ev.getAttribute('aria-pressed')).toBe('true');
    expect(choices(page)).toContain('engine:eng-ev-60-150');
    await steps(page).nth(0).click();
    for (const slot of ['model', 'trim']) {
      const option = page.locator(`[data-slot="${slot}"] [data-available="true"]`).first();
      const id = await option.getAttribute('data-option');
      await option.click();
      await expect.poll(() => choices(page)).toContain(`${slot}:${id}`);
    }
    await steps(page).nth(1).click();

    // A manual gearbox does not go with it: the card says why, the offer switches the engine.
    const manual = page.locator('[data-option="trans-6mt"]');
    await expect.poll(() => manual.getAttribute('data-available')).toBe('false');
    await manual.hover();
    const reason = await page.getByRole('tooltip').textContent();
    expect(reason).toMatch(/Conflicts with .+/);
    await manual.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Switch Engine to .+[+−]€/);
    await screenshot(page, 'second-form-repair');
    await page.locator('[data-repair="0"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => manual.getAttribute('aria-pressed')).toBe('true');
    expect(choices(page)).not.toContain('eng-ev-60-150');
    expect(choices(page)).toContain('transmission:trans-6mt');

    // The page read the served d-DNNF: it neither refused it nor compiled the catalog itself.
    expect(engineEvents).toEqual([]);
  });
});

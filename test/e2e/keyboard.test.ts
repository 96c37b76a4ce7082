import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configurePage, productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';

/** A whole PC configured with the keyboard alone: Tab, Shift+Tab, Enter, Space and Escape, never the mouse. */

const app = productForThisFile();
let page: Page;

beforeAll(async () => {
  page = await configurePage(app.browser);
});

/** Whether the focused element matches the selector. */
const focusedIs = (p: Page, selector: string) =>
  p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after `max`. */
async function tabTo(p: Page, selector: string, { back = false, max = 400 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await focusedIs(p, selector)) return;
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const choices = (p: Page) => new URL(p.url()).searchParams.get('b') ?? '';

describe('keyboard only', () => {
  it('configures a PC, resolves a conflict in the repair dialog and reaches the review', async () => {
    await page.goto(`${app.server.url}/configure/pc`);
    await page.locator('[data-slot]').first().waitFor();

    // The skip link is the first stop and leads past the header.
    await page.keyboard.press('Tab');
    expect(await focusedIs(page, '.skip-link')).toBe(true);
    await page.keyboard.press('Enter');

    // A small case first, with Enter.
    await tabTo(page, '[data-option="case-fractal-terra"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      new URL(location.href).searchParams.get('b')?.includes('case-fractal-terra'),
    );

    // On to the next step with its button, then a processor that does not fit that case.
    await tabTo(page, '.next-step');
    await page.keyboard.press('Enter');
    await page.locator('[data-slot="cpu"]').waitFor();
    await tabTo(page, '[data-slot="cpu"] [data-available="false"]');
    // Focus alone tells why it is unavailable.
    const reason = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'));
    expect(reason).toBeTruthy();
    expect(await page.locator(`[id="${reason}"]`).textContent()).toContain('Conflicts with');
    const wanted = await page.evaluate(() => document.activeElement?.getAttribute('data-option') ?? '');

    // Space opens the repair offer; focus is inside it and stays there; Escape keeps the build and returns focus.
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await focusedIs(page, 'dialog [data-repair="0"]')).toBe(true);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      // The browser's own chrome may take focus between the last and the first button; the page behind never does.
      const onPage = await page.evaluate(
        () => document.activeElement !== document.body && document.activeElement?.closest('dialog') === null,
      );
      expect(onPage).toBe(false);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedIs(page, `[data-option="${wanted}"]`)).toBe(true);
    await expect.poll(() => choices(page)).toBe('case:case-fractal-terra');

    // Again, and this time Enter on the smallest repair.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await screenshot(page, 'keyboard-repair');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator(`[data-option="${wanted}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await focusedIs(page, `[data-option="${wanted}"]`)).toBe(true);
    await expect.poll(() => choices(page)).not.toContain('case-fractal-terra');

    // Back to the steps with Shift+Tab, forward to step 3 with the arrow-free Tab order, then finish the build.
    await tabTo(page, 'nav.steps li:nth-child(3) button', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('nav.steps li:nth-child(3) button')?.hasAttribute('aria-current'),
    );
    await tabTo(page, '.summary .actions button:nth-child(3)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Finish my build');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /Review my build/ }).waitFor();

    // Undo with the keyboard, redo, then the review.
    const finished = choices(page);
    await tabTo(page, '.summary .actions button:nth-child(1)', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => choices(page)).not.toBe(finished);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => choices(page)).toBe(finished);
    await tabTo(page, '.summary a.primary-link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Your Aurora Desktop/ }).waitFor();

    // The review's form works from the keyboard too.
    await tabTo(page, '#build-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Keyboard build');
    await page.keyboard.press('Enter');
    await page.getByTestId('send-result').waitFor();
    expect(await page.getByTestId('send-result').textContent()).toContain('Saved on this device');
  });
});

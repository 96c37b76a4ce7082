import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configurePage, productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';

/** Why an option is refused, for the build on screen and in the shopper's language: on the card and in the repair offer. */

const app = productForThisFile();
let page: Page;

beforeAll(async () => {
  page = await configurePage(app.browser);
});

/** Goes to the step holding a slot. */
async function showSlot(p: Page, slot: string): Promise<void> {
  const steps = p.locator('nav.steps button');
  await steps.first().waitFor();
  for (let i = 0; i < (await steps.count()); i++) {
    await steps.nth(i).click();
    await p.locator('nav.steps button[aria-current="step"]').nth(0).waitFor();
    await expect.poll(() => steps.nth(i).getAttribute('aria-current')).toBe('step');
    if ((await p.locator(`[data-slot="${slot}"]`).count()) > 0) return;
  }
  throw new Error(`no step shows ${slot}`);
}

/** The reason an unavailable option's card shows when it has the focus (as when hovered), line by line. */
async function reasonOf(p: Page, option: string): Promise<string[]> {
  const card = p.locator(`[data-option="${option}"]`);
  expect(await card.getAttribute('data-available')).toBe('false');
  await card.focus();
  const tooltip = p.locator(`[id="reason-${option}"]`);
  await tooltip.locator('.reason-step').first().waitFor();
  return tooltip.locator('.reason-lead, .reason-step').allTextContents();
}

/** The repair offer's reason for choosing it anyway, closed again with Escape. */
async function offerOf(p: Page, option: string, shot: string): Promise<string[]> {
  await p.locator(`[data-option="${option}"]`).click();
  const dialog = p.getByRole('dialog');
  await dialog.waitFor();
  const lines = await dialog.locator('.reason-lead, .reason-step').allTextContents();
  expect(await axeViolations(p)).toEqual([]);
  await screenshot(p, shot);
  await p.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  return lines;
}

const gpu = 'gpu-asus-tuf-rtx5080';
const ddr4 = 'mem-crucial-ddr4-3200-2x8';

describe('reasons for the build on screen', () => {
  it('in English: the card and the case with their own lengths, DDR4 through the memory type and the board size', async () => {
    await page.goto(`${app.server.url}/configure/pc?b=case:case-fractal-terra`);
    await showSlot(page, 'gpu');
    expect(await reasonOf(page, gpu)).toEqual([
      'Conflicts with Fractal Design Terra (Mini-ITX, Jade).',
      'The ASUS TUF Gaming GeForce RTX 5080 OC 16 GB is 348 mm long; the Fractal Design Terra (Mini-ITX, Jade) takes cards up to 322 mm.',
    ]);
    await screenshot(page, 'reason-gpu-en');
    expect(await offerOf(page, gpu, 'repair-gpu-en')).toEqual(await reasonOf(page, gpu));

    await showSlot(page, 'memory');
    const memory = [
      'Conflicts with Fractal Design Terra (Mini-ITX, Jade).',
      'Crucial 16 GB DDR4-3200 (2 × 8 GB) needs a motherboard with memory type DDR4.',
      'Fractal Design Terra (Mini-ITX, Jade) needs a motherboard with form factor at most Mini-ITX.',
      'So no motherboard fits.',
    ];
    expect(await reasonOf(page, ddr4)).toEqual(memory);
    await screenshot(page, 'reason-ddr4-en');
    expect(await offerOf(page, ddr4, 'repair-ddr4-en')).toEqual(memory);
  });

  it('in German, after switching the language, with the same figures', async () => {
    await page.getByLabel('Language').selectOption('de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await showSlot(page, 'gpu');
    const card = await reasonOf(page, gpu);
    expect(card[0]).toBe('Passt nicht zu Fractal Design Terra (Mini-ITX, Jade).');
    expect(card[1]).toMatch(
      /^Die ASUS TUF .+ ist 348 mm lang; das Fractal Design Terra .+ nimmt Karten bis 322 mm auf\.$/,
    );
    await screenshot(page, 'reason-gpu-de');

    await showSlot(page, 'memory');
    const memory = await reasonOf(page, ddr4);
    expect(memory).toHaveLength(4);
    expect(memory[1]).toMatch(/^Crucial 16 GB DDR4-3200 .+ verlangt bei .+: .+ DDR4\.$/);
    expect(memory[2]).toMatch(/^Fractal Design Terra .+ verlangt bei .+: .+ höchstens Mini-ITX\.$/);
    expect(memory[3]).toMatch(/^Damit passt keine Wahl bei /);
    expect(await offerOf(page, ddr4, 'repair-ddr4-de')).toEqual(memory);
  });

  it('on a phone, in German, the reason and the repair offer fit the screen', async () => {
    const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.addInitScript(() => {
      localStorage.setItem('configurator.show3d', 'off');
      localStorage.setItem('configurator.lang', 'de');
    });
    await phone.goto(`${app.server.url}/configure/pc?b=case:case-fractal-terra`);
    await showSlot(phone, 'memory');
    await reasonOf(phone, ddr4);
    const box = await phone.locator(`[id="reason-${ddr4}"]`).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await screenshot(phone, 'reason-ddr4-de-phone');
    await offerOf(phone, ddr4, 'repair-ddr4-de-phone');
    await phone.close();
  });
});

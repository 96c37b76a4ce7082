import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { screenshot } from './screenshot.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const CANVAS = '[data-testid="product-canvas"] canvas';

/** A small picture of the canvas: distinct (quantised) colours and a 32 × 32 grid of mean RGB values. */
interface CanvasSample {
  colours: number;
  grid: number[];
}

/** Reads the WebGL canvas back through a 2D canvas (the view keeps its drawing buffer for exactly this). */
function sampleCanvas(p: Page): Promise<CanvasSample> {
  return p.$eval(CANVAS, (element) => {
    const source = element as HTMLCanvasElement;
    const size = 32;
    const copy = document.createElement('canvas');
    copy.width = copy.height = size;
    const context = copy.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D context');
    context.drawImage(source, 0, 0, size, size);
    const { data } = context.getImageData(0, 0, size, size);
    const full = document.createElement('canvas');
    full.width = source.width;
    full.height = source.height;
    const fullContext = full.getContext('2d', { willReadFrequently: true });
    if (!fullContext) throw new Error('no 2D context');
    fullContext.drawImage(source, 0, 0);
    const pixels = fullContext.getImageData(0, 0, full.width, full.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 16)
      colours.add(
        (((pixels[i] ?? 0) >> 3) << 10) | (((pixels[i + 1] ?? 0) >> 3) << 5) | ((pixels[i + 2] ?? 0) >> 3),
      );
    const grid: number[] = [];
    for (let i = 0; i < data.length; i += 4) grid.push(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
    return { colours: colours.size, grid };
  });
}

/** Mean absolute difference per channel between two samples (0 = identical, 255 = opposite). */
function difference(a: CanvasSample, b: CanvasSample): number {
  let sum = 0;
  a.grid.forEach((value, i) => (sum += Math.abs(value - (b.grid[i] ?? 0))));
  return sum / a.grid.length;
}

/** Samples until the picture differs from `before` by more than `threshold` (the scene renders on demand). */
async function sampleWhenChanged(p: Page, before: CanvasSample, threshold: number): Promise<CanvasSample> {
  // Software WebGL compiles a new paint shader in seconds, not milliseconds.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const after = await sampleCanvas(p);
    if (difference(before, after) > threshold || Date.now() > deadline) return after;
    await p.waitForTimeout(200);
  }
}

/** Waits for the picture to stop changing (orbit damping, lazy chunk, first frames). */
async function settled(p: Page): Promise<CanvasSample> {
  // Stable for a second: a frame held back by a shader compile must not pass for the settled picture.
  let last = await sampleCanvas(p);
  let stable = 0;
  for (let i = 0; i < 120 && stable < 4; i++) {
    await p.waitForTimeout(250);
    const next = await sampleCanvas(p);
    stable = difference(last, next) < 0.05 ? stable + 1 : 0;
    last = next;
  }
  return last;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the live 3D product', () => {
  it('shows the car on a canvas that is not blank', async () => {
    await page.goto(`${server.url}/configure/car`);
    await page.locator(CANVAS).waitFor({ timeout: 30_000 });
    const sample = await settled(page);
    // a blank or single-colour canvas has a handful of colours; a lit, shaded car has hundreds
    expect(sample.colours).toBeGreaterThan(50);
    await page.locator('[data-testid="product-canvas"]').screenshot({
      path: process.env.SCREENSHOT_DIR ? `${process.env.SCREENSHOT_DIR}/scene-car.png` : undefined,
    });
  });

  it('repaints the car when the paint colour changes', async () => {
    // A shopper picks the model first; then the paint step.
    await page.locator('[data-slot="model"] [data-available="true"]').first().click();
    await page.waitForURL(/model(:|%3A)/);
    await settled(page);
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Exterior/ })
      .click();
    const paint = page.locator('[data-slot="paint"]');
    await paint.locator('[data-option="paint-polar-white"]').click();
    await page.waitForURL(/paint-polar-white/);
    const white = await settled(page);
    await paint.locator('[data-option="paint-signal-red"]').click();
    const red = await sampleWhenChanged(page, white, 2);
    expect(difference(white, red)).toBeGreaterThan(2);
    // red paint: more red than green and blue across the picture than with white paint
    const redness = (s: CanvasSample) => {
      let score = 0;
      for (let i = 0; i < s.grid.length; i += 3)
        score += (s.grid[i] ?? 0) - ((s.grid[i + 1] ?? 0) + (s.grid[i + 2] ?? 0)) / 2;
      return score;
    };
    expect(redness(red)).toBeGreaterThan(redness(white));
    await screenshot(page, 'scene-car-red');
  });

  it('orbits with the mouse and comes back with "Reset view" from the keyboard', async () => {
    const before = await settled(page);
    const box = await page.locator(CANVAS).boundingBox();
    if (!box) throw new Error('canvas has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    const turned = await settled(page);
    expect(difference(before, turned)).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Reset view' }).focus();
    await page.keyboard.press('Enter');
    const back = await settled(page);
    expect(difference(before, back)).toBeLessThan(1);
  });
});

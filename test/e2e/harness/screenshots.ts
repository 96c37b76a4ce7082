/**
 * Screenshots of the draft editor with configs/catalogs/pc.json as the draft (desktop and tablet), the API answered
 * by route interception. Run beside `npx vite --port 5199`: `tsx test/e2e/harness/screenshots.ts OUT_DIR`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? '/tmp';
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
const document = {
  ...read('configs/catalogs/pc.json'),
  translations: {
    de: read('configs/catalogs/texts/pc.de.json'),
    zh: read('configs/catalogs/texts/pc.zh.json'),
  },
};
const draft = {
  id: 'd1',
  catalogId: 'pc',
  title: 'Winter range',
  baseVersion: '2026.11.0',
  revision: 3,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: { name: 'Cara' },
  document,
  issues: [],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader'],
});
for (const [name, viewport] of [
  ['desktop', { width: 1440, height: 900 }],
  ['tablet', { width: 820, height: 1180 }],
] as const) {
  const page = await browser.newPage({ viewport });
  await page.route('**/api/catalog-admin/drafts/d1', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({ json: draft })
      : route.fulfill({ json: { ...draft, revision: 4, document: undefined } }),
  );
  await page.goto('http://127.0.0.1:5199/test/e2e/harness/draft-editor.html');
  await page.getByRole('tab', { name: 'Options' }).waitFor();
  await page.getByLabel('Slot').selectOption('gpu');
  await page.getByText(/valid builds/).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${out}/draft-${name}.png`, fullPage: false });
  await page.getByRole('tab', { name: 'Translations' }).click();
  await page.screenshot({ path: `${out}/draft-${name}-texts.png` });
  await page.close();
}
await browser.close();

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { person, signIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

const GPU = 'gpu-asus-prime-rtx5070ti';
const GPU_NAME = 'ASUS Prime GeForce RTX 5070 Ti OC 16 GB';

interface SavedBuild {
  id: string;
  catalogId: string;
  catalogVersion: string;
  name: string;
}
const savedBuilds = async (page: Page): Promise<SavedBuild[]> =>
  (await (await page.request.get(`${app.server.url}/api/builds`)).json()) as SavedBuild[];

/** Double-clicks a cell of the options grid, types (or picks) the value and commits it with Enter. */
async function editCell(page: Page, column: string, row: string, value: string, pick = false): Promise<void> {
  const grid = page.getByRole('grid');
  await grid.getByRole('gridcell', { name: `${column}, ${row}:` }).dblclick();
  const box = grid.getByLabel(`${column}, ${row}`, { exact: true });
  if (pick) await box.selectOption(value);
  else await box.fill(value);
  await box.press('Enter');
  await grid.getByLabel(`${column}, ${row}`, { exact: true }).waitFor({ state: 'detached' });
}

const buildCount = async (page: Page): Promise<string> =>
  (await page.getByRole('complementary', { name: 'Checks' }).getByRole('status').textContent()) ?? '';

async function allSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /All changes saved|Saved at/ })
    .waitFor({ timeout: 15_000 });
}

/** The customer's configurator for the PC, options usable without waiting for the 3D view (it is off). */
async function gpuOptions(page: Page): Promise<string[]> {
  await page.goto(`${app.server.url}/configure/pc`);
  await page.locator('[data-slot]').first().waitFor();
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Graphics & storage/ })
    .click();
  await page.locator('[data-slot="gpu"]').waitFor();
  return page
    .locator('[data-slot="gpu"] [data-option]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-option') ?? ''));
}

describe('a product manager changes the PC catalog while a customer shops', () => {
  it('Cara adds a GPU and a rule, sees the mistake named, fixes it, previews, publishes; Anna sees it; a rollback takes it back', async () => {
    const url = app.server.url;
    const anna = await person(app.browser, { width: 1366, height: 900 });
    const cara = await person(app.browser, { width: 1366, height: 900 });
    try {
      // 1. Anna has a saved PC build on the live version (the demo data gives her one).
      await signIn(anna.page, url, 'anna@example.com');
      const before = (await savedBuilds(anna.page)).filter((b) => b.catalogId === 'pc');
      expect(before.length).toBeGreaterThan(0);
      const oldVersion = before[0]?.catalogVersion ?? '';
      expect(await gpuOptions(anna.page)).not.toContain(GPU);

      // 2. Cara lands on the catalogs and starts a draft of the PC from the live version.
      const p = cara.page;
      await signIn(p, url, 'cara@example.com');
      await p.waitForURL(/\/catalogs$/);
      const pc = p.getByRole('region', { name: /Aurora Desktop/ });
      await pc.getByRole('button', { name: 'New draft' }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByLabel('Title').fill('RTX 5070 Ti from ASUS');
      await dialog.getByRole('button', { name: 'Create draft' }).click();
      await p.waitForURL(/\/catalogs\/pc\/drafts\/[^/]+$/);
      const draftUrl = p.url();
      const checks = p.getByRole('complementary', { name: 'Checks' });
      await checks.getByText(/valid builds/).waitFor({ timeout: 30_000 });
      const countBefore = await buildCount(p);

      // A new GPU with its attributes and price; the card length is a typo, longer than any case takes.
      await p.getByRole('combobox', { name: 'Slot' }).selectOption('gpu');
      await p.getByRole('button', { name: 'Add option' }).click();
      await editCell(p, 'Id', 'New option', GPU);
      await editCell(p, 'Name', 'New option', GPU_NAME);
      await editCell(p, 'Price', GPU_NAME, '829');
      await editCell(p, 'Cost', GPU_NAME, '640');
      await editCell(p, 'GPU brand', GPU_NAME, 'NVIDIA', true);
      await editCell(p, 'Video memory (GB)', GPU_NAME, '16');
      await editCell(p, 'Card length (mm)', GPU_NAME, '500');
      await editCell(p, 'Power draw (W)', GPU_NAME, '300');
      await editCell(p, 'Needs a 12V-2x6 power cable', GPU_NAME, 'true', true);

      // The checks name the dead GPU and the rule that kills it.
      const dead = checks.getByRole('listitem').filter({ hasText: 'Dead option' }).filter({ hasText: GPU });
      await dead.waitFor({ timeout: 30_000 });
      expect(await dead.textContent()).toMatch(/is dead: no valid build has it, because of gpu-length/);
      await dead.getByRole('button', { name: 'gpu-length' }).waitFor();
      await screenshot(p, 'catalog-editor-dead-desk');

      // A rule from the rule builder: with this card, a power supply of at least 850 W.
      await p.getByRole('tab', { name: 'Rules', exact: true }).click();
      await p.getByRole('combobox', { name: 'Kind of the new rule' }).selectOption({ label: 'If … then …' });
      await p.getByRole('button', { name: '+ Add rule' }).click();
      const editing = p.getByRole('region', { name: /^Editing rule / });
      await editing.getByRole('textbox', { name: 'Rule id' }).fill('prime-5070ti-needs-850w');
      const when = editing.getByRole('list', { name: 'Conditions' }).getByRole('listitem').first();
      await when.getByRole('combobox', { name: 'Slot' }).selectOption({ label: 'Graphics card' });
      await when.getByRole('combobox', { name: 'Option' }).selectOption({ label: GPU_NAME });
      await editing.getByRole('combobox', { name: 'Slot' }).nth(1).selectOption({ label: 'Power supply' });
      await editing
        .getByRole('combobox', { name: 'Condition on Power supply' })
        .selectOption({ label: 'has' });
      await editing.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'Rated output' });
      await editing.getByRole('combobox', { name: 'Comparison' }).selectOption('>=');
      await editing.getByRole('spinbutton', { name: 'Value (W)' }).fill('850');
      await editing
        .getByText(
          /Reads: If Graphics card is ASUS Prime .* then Power supply Rated output must be at least 850 W/,
        )
        .waitFor();
      await screenshot(p, 'catalog-editor-rule-desk');

      // She fixes the length: the finding goes, and the exact count of builds changes.
      await p.getByRole('tab', { name: 'Options' }).click();
      await editCell(p, 'Card length (mm)', GPU_NAME, '304');
      await dead.waitFor({ state: 'detached', timeout: 30_000 });
      await expect.poll(() => buildCount(p), { timeout: 30_000 }).not.toBe(countBefore);
      expect(await buildCount(p)).toMatch(/^[\d,]+ valid builds$/);
      await allSaved(p);
      await screenshot(p, 'catalog-editor-editor-desk');
      expect(await axeViolations(p)).toEqual([]);
      await p.setViewportSize({ width: 1024, height: 768 });
      await screenshot(p, 'catalog-editor-editor-tablet');
      await p.setViewportSize({ width: 1366, height: 900 });

      // 3. The preview: the real configurator, the new GPU usable at once.
      await p.getByRole('link', { name: 'Preview' }).click();
      await p.waitForURL(/\/preview$/);
      await p
        .getByRole('note')
        .getByText(/Preview of the draft/)
        .waitFor();
      await p.locator('[data-slot]').first().waitFor({ timeout: 30_000 });
      await p
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: /Graphics & storage/ })
        .click();
      const previewed = p.locator(`[data-slot="gpu"] [data-option="${GPU}"]`);
      await previewed.waitFor();
      await screenshot(p, 'catalog-editor-preview-desk');

      // 4. Publish: the check, the impact report with its counts, warnings acknowledged, a note, now.
      await p.getByRole('link', { name: 'Publish…' }).click();
      await p.waitForURL(/\/publish$/);
      const impact = p.getByRole('region', { name: 'Impact on what customers have' });
      await impact.getByText(/builds, sessions and quotes checked/).waitFor({ timeout: 60_000 });
      expect(await impact.textContent()).toMatch(/\d+ stays? valid/);
      for (const box of await p.getByRole('checkbox', { name: /I have read this and publish anyway/ }).all())
        await box.check();
      await p.getByLabel('Note (what changed and why)').fill('ASUS Prime RTX 5070 Ti added; it needs 850 W.');
      await screenshot(p, 'catalog-editor-publish-desk');
      expect(await axeViolations(p)).toEqual([]);
      await p.setViewportSize({ width: 1024, height: 768 });
      await screenshot(p, 'catalog-editor-publish-tablet');
      await p.setViewportSize({ width: 1366, height: 900 });
      await p.getByRole('button', { name: 'Publish now' }).click();
      const published = p.getByText(/^Published: .* is live\.$/);
      await published.waitFor({ timeout: 30_000 });
      const newVersion = /Published: (.*) is live\./.exec((await published.textContent()) ?? '')?.[1] ?? '';
      expect(newVersion).not.toBe(oldVersion);

      // 5. Anna sees the new GPU.
      expect(await gpuOptions(anna.page)).toContain(GPU);

      // 6. Her older build still names its own version, opens on it, and offers to move to the new one.
      const after = (await savedBuilds(anna.page)).find((b) => b.id === before[0]?.id);
      expect(after?.catalogVersion).toBe(oldVersion);
      const a = anna.page;
      await a.goto(`${url}/account`);
      // Her PC build's link (a car build may name a version of the same number).
      const open = a.locator(`a[href^="/configure/pc?"][href*="v=${oldVersion}"]`).first();
      await open.click();
      await a.waitForURL((u) => u.searchParams.get('v') === oldVersion);
      const notice = a.getByRole('status').filter({ hasText: `saved on catalog version ${oldVersion}` });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`version ${newVersion} is live now`);
      await a.locator('[data-slot]').first().waitFor();
      await screenshot(a, 'catalog-editor-old-version-build');
      await notice.getByRole('link', { name: `Move it to ${newVersion}` }).click();
      await a.waitForURL((u) => !u.searchParams.has('v'));
      await a.locator('[data-slot]').first().waitFor();
      expect(await a.getByRole('status').filter({ hasText: 'saved on catalog version' }).count()).toBe(0);

      // The diff and the version page.
      await p.getByRole('link', { name: `Open ${newVersion}` }).click();
      await p.waitForURL(new RegExp(`/versions/${newVersion.replace(/\./g, '\\.')}$`));
      await p.getByRole('heading', { level: 1 }).waitFor();
      await screenshot(p, 'catalog-editor-version-desk');
      await p.setViewportSize({ width: 1024, height: 768 });
      await screenshot(p, 'catalog-editor-version-tablet');
      await p.setViewportSize({ width: 1366, height: 900 });
      await p.goto(`${url}/catalogs/pc/diff?from=${oldVersion}&to=${newVersion}`);
      await p.getByText(/only adds builds|adds some builds|only removes builds/).waitFor({ timeout: 60_000 });
      await screenshot(p, 'catalog-editor-diff-desk');
      await p.setViewportSize({ width: 1024, height: 768 });
      await screenshot(p, 'catalog-editor-diff-tablet');
      await p.setViewportSize({ width: 1366, height: 900 });

      // 7. Rollback from the version page: the old version is live again, the new one a draft again.
      await p.goto(`${url}/catalogs/pc/versions/${newVersion}`);
      await p.getByRole('button', { name: 'Roll back…' }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Roll back', exact: true }).click();
      await p.getByText(`Rolled back: ${oldVersion} is live again.`).waitFor({ timeout: 30_000 });
      await p.getByRole('link', { name: /^Open the draft/ }).click();
      await p.waitForURL(/\/drafts\//);
      expect(p.url()).not.toBe(draftUrl);
      await p.getByRole('grid').waitFor();
      await p.getByRole('combobox', { name: 'Slot' }).selectOption('gpu');
      await p.getByRole('gridcell', { name: `Id, ${GPU_NAME}: ${GPU}` }).waitFor();
      expect(await gpuOptions(anna.page)).not.toContain(GPU);
    } finally {
      await anna.context.close();
      await cara.context.close();
    }
  }, 240_000);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { confirmByMail, fillSignIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';
import { axeViolations } from './axe.ts';
import { budgetPc } from '../fixtures/pc-builds.ts';

const app = productForThisFile();
let context: BrowserContext;
let page: Page;

/** Each test starts as a fresh visitor: no cookies, so no session and no guest id. */
async function freshVisitor(): Promise<void> {
  await context?.close();
  context = await app.browser.newContext({ viewport: { width: 1366, height: 1000 } });
  page = await context.newPage();
}

const accountButton = (p: Page, name: string) =>
  p.getByRole('banner').getByRole('button', { name: new RegExp(name) });

describe('the customer account', () => {
  it('a new customer signs up from the account link, sees an empty account, and signs out', async () => {
    await freshVisitor();
    await page.goto(`${app.server.url}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Name').fill('Nina Neu');
    await page.getByLabel('E-mail').fill('nina@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 8 characters.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Password').fill('a long password');
    await page.getByLabel('Birthday (optional)').fill('1991-04-02');
    // Check the e-mail, open the demo mailbox, follow the link: each page passes axe on the way.
    await confirmByMail(page, 'nina@example.com', async (name) => {
      await screenshot(page, `account-${name}`);
      expect(await axeViolations(page), name).toEqual([]);
    });

    await page.getByRole('heading', { level: 1, name: 'Hello, Nina Neu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByText('You have no saved builds yet.').waitFor();
    await page.getByText('No orders yet.').waitFor();
    await screenshot(page, 'account-new-customer');
    expect(await axeViolations(page)).toEqual([]);

    await accountButton(page, 'Nina Neu').click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${app.server.url}/account/preferences`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount%2Fpreferences$/);
  });

  it('signing out everywhere ends her session in another browser too', async () => {
    await freshVisitor();
    const other = await app.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    try {
      const phone = await other.newPage();
      // Her own account, whatever the other tests did: signed up here, signed in on the phone.
      await page.goto(`${app.server.url}/sign-up`);
      await page.getByLabel('Name').fill('Nora Nord');
      await page.getByLabel('E-mail').fill('nora@example.com');
      await page.getByLabel('Password').fill('a long password');
      await confirmByMail(page, 'nora@example.com');
      await phone.goto(`${app.server.url}/sign-in?next=%2Faccount`);
      await fillSignIn(phone, 'nora@example.com', 'a long password');
      for (const p of [page, phone])
        await p.getByRole('heading', { level: 1, name: 'Hello, Nora Nord' }).waitFor();
      await phone.getByRole('button', { name: 'Sign out everywhere' }).scrollIntoViewIfNeeded();
      await screenshot(phone, 'account-sign-out-everywhere-phone');
      await page.getByRole('button', { name: 'Sign out everywhere' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'account-sign-out-everywhere');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
      expect((await phone.request.get(`${app.server.url}/api/me`)).status()).toBe(401);
      await phone.goto(`${app.server.url}/account`);
      await phone.waitForURL(/\/sign-in\?next=%2Faccount$/);
    } finally {
      await other.close();
    }
  });

  it('a wrong password says so and signs nobody in', async () => {
    await freshVisitor();
    await page.goto(`${app.server.url}/sign-in`);
    await fillSignIn(page, 'anna@example.com', 'not-her-password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('That e-mail and password do not match an account.');
    await screenshot(page, 'account-wrong-password');
    expect(await axeViolations(page)).toEqual([]);
    expect((await page.request.get(`${app.server.url}/api/me`)).status()).toBe(401);
  });

  it('anna signs in, sees her saved builds and orders, and compares two builds side by side', async () => {
    await freshVisitor();
    await page.goto(`${app.server.url}/account`);
    await page.waitForURL(/sign-in/);
    await fillSignIn(page, 'anna@example.com', 'demo1234');
    await page.getByRole('heading', { level: 1, name: 'Hello, Anna Berger' }).waitFor();
    const builds = page.getByRole('list', { name: 'Saved builds' }).getByRole('listitem');
    await builds.first().waitFor();
    expect(await builds.count()).toBeGreaterThanOrEqual(2);
    expect(await builds.first().textContent()).toMatch(/catalog \d{4}\.\d+\.\d+ · saved/);
    const open = await builds.first().getByRole('link', { name: 'Open' }).getAttribute('href');
    expect(open).toMatch(/^\/configure\/[a-z]+\?b=[a-z]/);
    // Orders come from their own request: wait for them rather than racing it.
    await expect
      .poll(() => page.getByRole('table', { name: 'Orders' }).getByRole('row').count())
      .toBeGreaterThan(1);

    await builds.nth(0).getByRole('checkbox', { name: 'Compare' }).check();
    await builds.nth(1).getByRole('checkbox', { name: 'Compare' }).check();
    const table = page.getByRole('table', { name: 'Side by side' });
    await table.waitFor();
    const names = await Promise.all([0, 1].map((i) => builds.nth(i).getByRole('heading').textContent()));
    const header = await table.getByRole('row').first().textContent();
    for (const name of names) expect(header).toContain(name);
    expect(await table.getByRole('row', { name: /Total/ }).textContent()).toMatch(/€.*€/);
    expect(page.url()).toContain('compare=');
    await screenshot(page, 'account-compare');
    expect(await axeViolations(page)).toEqual([]);

    // The header names her and leads to her pages.
    await accountButton(page, 'Anna Berger').click();
    await page.getByRole('banner').getByRole('link', { name: 'Your history' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your history' }).waitFor();
  });

  it('her timeline shows interactions on more than one channel, with actor, time and catalog version', async () => {
    // Same visitor as before: still signed in.
    await page.goto(`${app.server.url}/account/timeline`);
    const entries = page.getByRole('list', { name: 'Your history' }).getByRole('listitem');
    await entries.first().waitFor();
    expect(await entries.first().textContent()).toMatch(/by you · .+, catalog \d{4}\.\d+\.\d+/);
    expect(await axeViolations(page)).toEqual([]);
    const more = page.getByRole('button', { name: 'Show earlier entries' });
    for (let pages = 0; pages < 20 && (await more.count()) > 0; pages++) {
      const before = await entries.count();
      await more.click();
      await expect.poll(() => entries.count()).toBeGreaterThan(before);
    }
    const channels = new Set(
      await page
        .locator('.timeline-entry')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-channel'))),
    );
    expect(channels.size).toBeGreaterThan(1);
    expect(channels).toContain('web');
    const staff = page.locator('.timeline-entry:not([data-channel="web"])').first();
    expect(await staff.textContent()).toMatch(/by .+ \((sales|catalog)\)/);
    await staff.scrollIntoViewIfNeeded();
    await screenshot(page, 'account-timeline');
  });

  it('she corrects a preference and turns personalization off; both survive a reload', async () => {
    await page.goto(`${app.server.url}/account/preferences`);
    const first = page.locator('.preference').first();
    await first.waitFor();
    expect(await first.locator('.preference-evidence').textContent()).toMatch(/You chose .+ in \d+ of \d+/);
    expect(await axeViolations(page)).toEqual([]);
    const key = await first.getAttribute('data-key');
    await first.getByRole('combobox', { name: 'Correct this' }).selectOption({ label: 'Not for me' });
    const corrected = page.locator(`.preference[data-key="${key}"]`);
    await corrected.getByText('set by you').waitFor();

    const toggle = page.getByRole('switch', { name: /Use my preferences/ });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await page.getByText(/Personalization is off/).waitFor();
    await screenshot(page, 'account-preferences');

    await page.reload();
    await page.getByRole('switch', { name: /Use my preferences/ }).waitFor();
    expect(await page.getByRole('switch', { name: /Use my preferences/ }).isChecked()).toBe(false);
    await page.locator(`.preference[data-key="${key}"]`).getByText('set by you').waitFor();
    expect(
      await page
        .locator(`.preference[data-key="${key}"]`)
        .getByRole('combobox', { name: 'Correct this' })
        .inputValue(),
    ).toBe('0');
  });

  it('a catalog login lands in the catalog editor; a sales login lands in the store console', async () => {
    await freshVisitor();
    await page.goto(`${app.server.url}/sign-in`);
    await fillSignIn(page, 'cara@example.com', 'demo1234');
    await page.waitForURL(/\/catalogs$/);
    await page.getByRole('banner').getByText('Cara Lindqvist, catalog').waitFor();

    await freshVisitor();
    await page.goto(`${app.server.url}/sign-in`);
    await fillSignIn(page, 'sam@example.com', 'demo1234');
    await page.waitForURL(/\/store$/);
    await page.getByRole('banner').getByText('Sam Okafor, sales').waitFor();
  });

  it("a guest's saved build joins the new account, says so, and can be renamed, opened and deleted", async () => {
    await freshVisitor();
    await page.goto(`${app.server.url}/`);
    const saved = await page.request.post(`${app.server.url}/api/builds`, {
      data: { name: 'My budget PC', catalogId: 'pc', selections: budgetPc },
    });
    expect(saved.status()).toBe(201);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Gus Guest');
    await page.getByLabel('E-mail').fill('gus@example.com');
    await page.getByLabel('Password').fill('guest-password');
    await confirmByMail(page, 'gus@example.com');

    await page
      .getByRole('banner')
      .getByRole('status')
      .getByText('We added the build you saved before signing in to your account.')
      .waitFor();
    // The sign-in link was opened from the home page, so that is where signing up leads back to.
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, 'account-merged');
    await page.getByRole('banner').getByRole('button', { name: 'OK' }).click();

    await page.goto(`${app.server.url}/account`);
    const card = page.getByRole('listitem', { name: 'My budget PC' });
    await card.getByRole('button', { name: 'Rename' }).click();
    await card.getByRole('textbox', { name: 'New name' }).fill('Budget office PC');
    await card.getByRole('textbox', { name: 'New name' }).press('Enter');
    await page.getByRole('listitem', { name: 'Budget office PC' }).waitFor();
    await page.reload();
    const renamed = page.getByRole('listitem', { name: 'Budget office PC' });
    await renamed.waitFor();

    const open = renamed.getByRole('link', { name: 'Open' });
    expect(await open.getAttribute('href')).toBe(
      '/configure/pc?b=' +
        Object.entries(budgetPc)
          .map(([slot, o]) => `${slot}:${Object.keys(o)[0]}`)
          .join(',') +
        // The version it was saved on: it opens there (the live one here, so no notice).
        `&v=${(JSON.parse(readFileSync('configs/catalogs/pc.json', 'utf8')) as { version: string }).version}`,
    );
    await open.click();
    await page.waitForURL(/\/configure\/pc\?b=case:case-aurora-compact-s/);
    await page.goBack();

    await renamed.getByRole('button', { name: 'Delete' }).click();
    await renamed.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('You have no saved builds yet.').waitFor();
  });
});

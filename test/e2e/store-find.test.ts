import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { confirmByMail, fillSignIn } from './people.ts';
import { productForThisFile } from './product.ts';
import { screenshot } from './screenshot.ts';

const app = productForThisFile();

/** A new browser (its own cookies) signing up online; `claim` is the code from a quote link, if any. */
async function signUpOnline(
  browser: Browser,
  url: string,
  who: { name: string; email: string; claim?: string },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/sign-up${who.claim ? `?claim=${encodeURIComponent(who.claim)}` : ''}`);
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill('tall-oak-shelf');
  if (who.claim)
    expect(await page.getByLabel('Code from your quote (optional)').inputValue()).toBe(who.claim);
  await confirmByMail(page, who.email, (name) => screenshot(page, `store-find-${name}`));
  await page.waitForURL((u) => u.pathname.startsWith('/account'));
  return page;
}

const customerIdOf = async (p: Page, url: string) =>
  ((await (await p.request.get(`${url}/api/me`)).json()) as { customer: { id: string } | null }).customer?.id;

describe('finding and registering customers in the store console', () => {
  it('Sam registers a walk-in with a claim code; a stranger with the same e-mail gets nothing of it; the walk-in claims it with the code', async () => {
    const url = app.server.url;
    const sam = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await sam.newPage();
    await page.goto(`${url}/store`);
    await page.waitForURL(/sign-in/);
    await fillSignIn(page, 'sam@example.com');
    await page.waitForURL(/\/store$/);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();

    // Search as you type, then open with the keyboard: Anna by a folded, partial name.
    const box = page.getByRole('combobox', { name: 'Find a customer' });
    await box.fill('berge');
    // Only current hits: the list is busy while the previous query's stay shown.
    const list = page.locator('[role="listbox"][aria-busy="false"]');
    await list.getByRole('option', { name: /Anna Berger/ }).waitFor();
    await screenshot(page, 'store-find-search-tablet');
    expect(await axeViolations(page)).toEqual([]);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Anna Berger' }).waitFor();
    await page.goBack();

    // A walk-in: name and e-mail; the code for their quote.
    const form = page.getByRole('region', { name: 'Register a walk-in' });
    await form.getByLabel('Name').fill('Wanda Wälti');
    await form.getByLabel('E-mail').fill('wanda.walti@example.com');
    await form.getByLabel('Phone').fill('+49 171 555-0199');
    await form.getByRole('button', { name: 'Register' }).click();
    const code = ((await form.getByTestId('claim-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await screenshot(page, 'store-find-walk-in-tablet');
    await form.getByRole('link', { name: 'Open Wanda Wälti' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wanda Wälti' }).waitFor();
    const walkInId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

    // Registering her again is refused with the way to her record; she is found by "walti" and by phone digits.
    await page.goto(`${url}/store`);
    await form.getByLabel('Name').fill('Wanda W.');
    await form.getByLabel('E-mail').fill('WANDA.WALTI@example.com');
    await form.getByRole('button', { name: 'Register' }).click();
    await form.getByRole('alert').getByText('This person is already a customer.').waitFor();
    expect(await form.getByRole('link', { name: 'Open their record' }).getAttribute('href')).toBe(
      `/store/customers/${walkInId}`,
    );
    for (const q of ['walti', '5550199']) {
      await box.fill(q);
      await list.getByRole('option', { name: /Wanda Wälti/ }).waitFor();
    }
    // She now heads Sam's recently served.
    const recent = page.getByRole('region', { name: 'Recently served by you' });
    await recent.getByRole('link', { name: /Wanda Wälti/ }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'store-find-desk');
    expect(await axeViolations(page)).toEqual([]);
    // The longest language on the tablet, then back.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Kunden' }).waitFor();
    await page.getByRole('region', { name: 'Laufkunden erfassen' }).waitFor();
    await screenshot(page, 'store-find-tablet-de');
    await page.getByLabel('Sprache').selectOption('en');

    // A stranger signs up online with her e-mail but no code: a record of their own, none of hers.
    const stranger = await signUpOnline(app.browser, url, {
      name: 'Not Wanda',
      email: 'wanda.walti@example.com',
    });
    const strangerId = await customerIdOf(stranger, url);
    expect(strangerId).toBeTruthy();
    expect(strangerId).not.toBe(walkInId);
    await stranger.goto(`${url}/account/timeline`);
    const strangerHistory = stranger.getByRole('list', { name: 'Your history' });
    await strangerHistory.getByRole('listitem').first().waitFor();
    expect(await strangerHistory.locator('[data-channel="store"]').count()).toBe(0);
    expect(await strangerHistory.textContent()).not.toContain('Sam');
    expect((await stranger.request.get(`${url}/api/customers/${walkInId}`)).status()).toBe(403);
    await stranger.context().close();

    // Wanda signs up with another e-mail and the code from her quote: her record, with the store visit.
    const wanda = await signUpOnline(app.browser, url, {
      name: 'Wanda Wälti',
      email: 'wanda@home.example',
      claim: code,
    });
    expect(await customerIdOf(wanda, url)).toBe(walkInId);
    await wanda.goto(`${url}/account/timeline`);
    const visit = wanda.getByRole('list', { name: 'Your history' }).locator('[data-channel="store"]');
    await visit.first().waitFor();
    expect(await visit.first().textContent()).toMatch(/Registered in the store.*by Sam \(sales\)/);
    expect(await wanda.getByRole('list', { name: 'Your history' }).textContent()).toContain(
      'Linked this account to your record from the store',
    );
    await screenshot(wanda, 'store-find-wanda-history');

    // The code worked once.
    const again = await app.browser.newContext();
    const reuse = await again.request.post(`${url}/api/auth/sign-up`, {
      data: { name: 'Mallory', email: 'mallory@example.com', password: 'tall-oak-shelf', claimCode: code },
    });
    expect(reuse.status()).toBe(400);
    expect(((await reuse.json()) as { error: { code: string } }).error.code).toBe('claim_code_invalid');
    await again.close();
    await wanda.context().close();
    await sam.close();
  });

  it('Sam signs out everywhere from the counter tablet: his session on the phone ends too', async () => {
    const url = app.server.url;
    const tablet = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    try {
      const pages = [await tablet.newPage(), await phone.newPage()] as const;
      for (const p of pages) {
        await p.goto(`${url}/store`);
        await p.waitForURL(/sign-in/);
        await fillSignIn(p, 'sam@example.com');
        await p.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      }
      const [counter, pocket] = pages;
      await screenshot(pocket, 'store-header-sign-out-phone');
      await screenshot(counter, 'store-header-sign-out-tablet');
      await counter.getByRole('banner').getByRole('button', { name: 'Sign out everywhere' }).click();
      await counter.waitForURL(/sign-in/);
      expect((await pocket.request.get(`${url}/api/me`)).status()).toBe(401);
      await pocket.reload();
      await pocket.waitForURL(/sign-in/);
    } finally {
      await tablet.close();
      await phone.close();
    }
  });
});

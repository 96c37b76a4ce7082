import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Every demo login's password (README). */
export const DEMO_PASSWORD = 'demo1234';

/**
 * One person's browser: own cookies and storage, so several people can be on one server at once. The 3D view is
 * off: it has its own tests and would only slow the others down in software rendering.
 */
export async function person(
  browser: Browser,
  { width = 1366, height = 1000, touch = false } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height },
    hasTouch: touch,
    acceptDownloads: true,
  });
  await context.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
  return { context, page: await context.newPage() };
}

/** Fills in the sign-in form on screen and sends it (what happens next is the caller's to check). */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` (a page that asks to sign in), signs in and waits until the app has moved on. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  { path = '/sign-in', password = DEMO_PASSWORD } = {},
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Sends the sign-up form on screen (already filled), then does what the new customer does: reads "check your
 * e-mail", opens the demo mailbox and the newest mail to `email`, and follows its link, which signs them in.
 */
export async function confirmByMail(
  page: Page,
  email: string,
  shot?: (name: string) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await shot?.('sign-up-check-email');
  await page.getByRole('link', { name: 'Open the demo mailbox' }).click();
  const mail = page.getByRole('article').filter({ hasText: email }).first();
  await mail.waitFor();
  await shot?.('sign-up-mailbox');
  await mail.getByRole('link', { name: 'Open the link' }).click();
  await page.waitForURL((url) => !/^\/(sign-up|confirm-email|dev\/mailbox)/.test(url.pathname));
}

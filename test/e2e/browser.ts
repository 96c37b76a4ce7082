import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Debian's Chromium; never a downloaded browser (.ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the pages' content security policy refused since the last check (src/server/plugins/security-headers.ts). */
const violations: string[] = [];

/**
 * Collects every content security policy violation of a context's pages and their workers: the reports the browser
 * posts to the policy's report-uri (the only trace a worker's violation leaves here), and the page's
 * `securitypolicyviolation` events, logged to the console from an init script as they happen.
 */
async function watchPolicy(context: BrowserContext): Promise<void> {
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/csp-reports')
      violations.push(`reported: ${request.postData() ?? ''}`);
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/^Refused to |^CSP violation: /.test(text))
      violations.push(`${message.page()?.url() ?? '?'}: ${text}`);
  });
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`,
      ),
    ),
  );
}

// Under Vitest, a test during (or right after) which the app broke its policy fails, naming each violation.
if (process.env.VITEST) {
  const { afterAll, afterEach } = await import('vitest');
  const check = () => {
    const found = violations.splice(0);
    if (found.length > 0) throw new Error(`The content security policy was violated:\n${found.join('\n')}`);
  };
  afterEach(check);
  afterAll(check);
}

/**
 * Headless Chromium as this machine needs it: no sandbox (root), no GPU but SwiftShader WebGL, and none of the
 * background networking that a closed network refuses. playwright gives each launch a fresh profile directory.
 * Every context and page it opens reports content security policy violations (see `watchPolicy`).
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchPolicy(context);
    return context;
  };
  // newPage opens a context of its own; watched before its first navigation.
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await watchPolicy(page.context());
    return page;
  };
  return browser;
}

import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Product {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * The real product (built client, real server, fresh embedded database) and a headless Chromium for one test file:
 * started before its first test, stopped after its last. Read the fields inside tests and hooks only. `env` adds to
 * the server's environment.
 */
export function productForThisFile(env: NodeJS.ProcessEnv = {}): Product {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the e2e ${name} is not started (read it inside a test)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}

/**
 * A page for the configuring tests: the 3D view off (software-rendered here, it has its own test, scene.test.ts).
 */
export async function configurePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  await page.addInitScript(() => localStorage.setItem('configurator.show3d', 'off'));
  return page;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../fixtures/spawn-server.ts';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real product exactly as `npm start` does after its build step (src/server/main.ts serving
 * dist/client), on a free port and a fresh embedded database, and waits for its "running at" line. `env` adds to
 * the server's environment (e.g. a low ENGINE_MAX_WORK).
 */
export async function startServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-db-'));
  // The product's default: the embedded database.
  const { child, url } = await spawnServer({
    // The demo's mailbox, so sign-ups can open their mailed links.
    MAILBOX_VIEW: '1',
    ...env,
    PORT: String(port),
    DB_FILE: join(dataDir, 'app.sqlite'),
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

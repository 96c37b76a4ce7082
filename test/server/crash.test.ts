import SQLite from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/server/store/database.ts';
import { budgetPc } from '../fixtures/pc-builds.ts';
import { spawnServer } from '../fixtures/spawn-server.ts';

/**
 * Faults: the real server process (src/server/main.ts on an embedded SQLite file) is killed with SIGKILL in the
 * middle of a stream of writes, then started again on the same file. Every write it acknowledged must be there,
 * whole; writes it had not acknowledged may or may not be, but never in part.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'crash-db-'));
const dbFile = join(dataDir, 'app.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Server {
  child: ChildProcess;
  url: string;
}

/** Starts main.ts on `dbFile` (the embedded database is what this test is about) on a port of its choosing. */
const startServer = (): Promise<Server> =>
  spawnServer({ PORT: '0', DB_FILE: dbFile, MAILBOX_VIEW: '1' }, ['--dev']);

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.once('exit', (code, signal) => resolve(signal ?? code));
  });
}

const WRITERS = 6;
/** Acknowledged saves before the kill: enough that the kill lands among writes in flight, not after them. */
const KILL_AFTER = 150;

describe('a killed server keeps every acknowledged write', () => {
  it('states its durability: the embedded database commits with synchronous = FULL', async () => {
    const store = createStore({ dialect: 'sqlite', file: join(dataDir, 'pragma.sqlite') });
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    const { rows: mode } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    await store.db.destroy();
    expect(rows[0]?.synchronous).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
    expect(mode[0]?.journal_mode).toBe('wal');
  });

  it('SIGKILL mid-stream, restart: acknowledged builds all there, none half-written, integrity ok', async () => {
    let server = await startServer();
    const form = await fetch(`${server.url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'crash@example.com',
        password: 'tall-oak-shelf',
        name: 'Crash Test',
        phone: '',
        birthday: null,
      }),
    });
    expect(form.status).toBe(202);
    // The server shows its outbox (MAILBOX_VIEW=1): open the mailed link.
    const mailbox = (await (await fetch(`${server.url}/api/dev/mailbox?to=crash@example.com`)).json()) as {
      mails: { link: string }[];
    };
    const token = new URL(mailbox.mails[0]?.link ?? '').searchParams.get('token');
    const signUp = await fetch(`${server.url}/api/auth/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(signUp.status).toBe(201);
    const { customer } = (await signUp.json()) as { customer: { id: string } };
    const cookie = signUp.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');

    const acknowledged = new Map<string, string>(); // build id → name
    let sent = 0;
    let refused = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const name = `build ${++sent}`;
        try {
          const res = await fetch(`${server.url}/api/builds`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ name, catalogId: 'pc', selections: budgetPc }),
          });
          if (res.status !== 201) {
            refused++;
            continue;
          }
          const { id } = (await res.json()) as { id: string };
          acknowledged.set(id, name);
          if (acknowledged.size >= KILL_AFTER && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: this write was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    expect(await exited(server.child)).toBe('SIGKILL');
    expect(refused).toBe(0);
    // Writes were still being sent when the server died (so the kill was mid-stream, not after the last one).
    expect(sent).toBeGreaterThan(acknowledged.size);

    server = await startServer();
    const list = await fetch(`${server.url}/api/builds`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const stored = (await list.json()) as { id: string; name: string; selections: unknown }[];
    const byId = new Map(stored.map((b) => [b.id, b]));
    for (const [id, name] of acknowledged) {
      expect(byId.get(id)?.name, `acknowledged build ${id}`).toBe(name);
      expect(byId.get(id)?.selections).toEqual(budgetPc);
    }
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);

    const file = new SQLite(dbFile, { readonly: true });
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(file.pragma('foreign_key_check')).toEqual([]);
      // One transaction writes a build and its "build.saved" entry: each is there with the other or not at all.
      const builds = file
        .prepare(`select id from builds where customer_id = ?`)
        .pluck()
        .all(customer.id) as string[];
      const logged = file
        .prepare(
          `select json_extract(payload, '$.buildId') from interactions where kind = 'build.saved' and customer_id = ?`,
        )
        .pluck()
        .all(customer.id) as string[];
      expect(new Set(logged)).toEqual(new Set(builds));
      expect(logged).toHaveLength(builds.length);
      expect(builds.length).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      file.close();
    }
  }, 120_000);
});

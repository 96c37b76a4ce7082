/**
 * What `synchronous = FULL` costs the embedded database (src/server/store/database.ts): single-row commits per second
 * in WAL mode under NORMAL (better-sqlite3's WAL default: a commit may be lost on power loss) and FULL (fsynced before
 * it returns), on a file in the OS temp folder. One JSON line.
 * Run: npx tsx bench/sqlite-synchronous.ts   Env: BENCH_COMMITS (2000).
 */
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const commits = Number(process.env.BENCH_COMMITS ?? 2000);

function commitsPerSecond(synchronous: 'NORMAL' | 'FULL'): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const db = new SQLite(join(dir, 'bench.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('create table t (id integer primary key, payload text not null)');
    const insert = db.prepare('insert into t (payload) values (?)');
    const payload = JSON.stringify({ kind: 'build.saved', name: 'x'.repeat(120) });
    const start = performance.now();
    for (let i = 0; i < commits; i++) insert.run(payload); // each statement is its own transaction
    return Math.round(commits / ((performance.now() - start) / 1000));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const normal = commitsPerSecond('NORMAL');
const full = commitsPerSecond('FULL');
console.log(
  JSON.stringify({
    commits,
    normalPerSecond: normal,
    fullPerSecond: full,
    fullCostRatio: +(normal / full).toFixed(1),
  }),
);

import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 for Kysely with its prepared statements kept: Kysely prepares every query afresh, which was about a
 * tenth of the server's time under write load (bench:server's CPU profile), while the app sends the same few
 * hundred statements over and over. The least recently used are dropped past `size`. Statements stay valid across
 * schema changes (SQLite prepares them again itself); the app never streams, so a kept statement is never busy.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source) {
      const hit = kept.get(source);
      if (hit) {
        // Map order is insertion order: re-inserting marks it the most recently used.
        kept.delete(source);
        kept.set(source, hit);
        return hit;
      }
      const statement = sqlite.prepare(source);
      kept.set(source, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

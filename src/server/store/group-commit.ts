import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/**
 * Group commit: the writes that arrive in one turn of the event loop, or while a transaction runs, are written
 * together in one transaction, so a burst of small writes costs a few transactions (and, with synchronous=FULL or
 * PostgreSQL, a few fsyncs) instead of one each; a lone write waits one turn at most. Every caller is answered
 * only after the transaction holding its write has committed: an acknowledged write is a durable one.
 * When a group fails, each of its writes is retried alone, so one bad write fails only its own caller.
 */
export function groupCommit<T>(
  db: Kysely<Database>,
  write: (trx: Kysely<Database>, units: readonly T[]) => Promise<void>,
  { maxGroup = 200 }: { maxGroup?: number } = {},
): (unit: T) => Promise<void> {
  const waiting: { unit: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const commit = (units: readonly T[]) => db.transaction().execute((trx) => write(trx, units));

  const drain = async () => {
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxGroup);
      try {
        await commit(group.map((w) => w.unit));
        for (const w of group) w.resolve();
      } catch (error) {
        if (group.length === 1) group[0]?.reject(error);
        else for (const w of group) await commit([w.unit]).then(w.resolve, w.reject);
      }
    }
    running = false;
  };

  return (unit) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ unit, resolve, reject });
      // After this turn of the event loop: the requests read from the sockets in it join the first group too.
      // (better-sqlite3 never yields, so without this every SQLite write would commit alone.)
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
}

import { createHash } from 'node:crypto';
import type { Catalog } from '../../core/catalog/index.ts';
import type { CheckThreadReply } from './check.worker.ts';
import { runInThread } from './in-thread.ts';

export type CheckResult = Extract<CheckThreadReply, { ok: true }>;
export type CatalogChecker = (catalog: Catalog, signal: AbortSignal) => Promise<CheckThreadReply>;

export const checkInThread: CatalogChecker = (catalog, signal) =>
  runInThread<CheckThreadReply>(new URL('./check.worker.ts', import.meta.url), catalog, signal);

/** A catalog's findings and build count, run in a worker thread, remembered for the last few contents checked. */
export interface DraftChecks {
  /** @throws Error with the engine's message when the catalog cannot be checked (a rule too large to tabulate). */
  check(catalog: Catalog): Promise<CheckResult>;
  close(): void;
}

const REMEMBERED = 32;

/**
 * Checking is deterministic, so the same content is checked once: the editor's check and the publish that follows
 * it cost one run. Keyed by the content's hash; the oldest is forgotten first.
 */
export function draftChecks(run: CatalogChecker = checkInThread): DraftChecks {
  const cache = new Map<string, Promise<CheckResult>>();
  const closing = new AbortController();
  return {
    check(catalog) {
      const key = createHash('sha256').update(JSON.stringify(catalog)).digest('hex');
      let found = cache.get(key);
      if (!found) {
        found = run(catalog, closing.signal).then((reply) => {
          if (!reply.ok) throw new Error(reply.message);
          return reply;
        });
        found.catch(() => cache.delete(key));
        cache.set(key, found);
        if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value as string);
      }
      return found;
    },
    close: () => closing.abort(),
  };
}

import type { Catalog } from '../../core/catalog/index.ts';
import type { CheckThreadReply } from './check.worker.ts';
import { runInThread } from './in-thread.ts';
import { keptRuns } from './kept-runs.ts';

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

/** Checking is deterministic, so the same content is checked once: the editor's check and the publish that follows. */
export function draftChecks(run: CatalogChecker = checkInThread): DraftChecks {
  const runs = keptRuns(async (catalog: Catalog, signal) => {
    const reply = await run(catalog, signal);
    if (!reply.ok) throw new Error(reply.message);
    return reply;
  }, 32);
  return { check: (catalog) => runs.get(catalog), close: () => runs.close() };
}

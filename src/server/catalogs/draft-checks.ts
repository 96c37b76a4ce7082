import type { Catalog } from '../../core/catalog/index.ts';
import type { ConfigurationOptions } from '../../core/configurator/configurator.ts';
import type { CheckThreadData, CheckThreadReply } from './check.worker.ts';
import { runInThread } from './in-thread.ts';
import { keptRuns } from './kept-runs.ts';

export type CheckResult = Extract<CheckThreadReply, { ok: true }>;
export type CatalogChecker = (catalog: Catalog, signal: AbortSignal) => Promise<CheckThreadReply>;

/** Runs check.worker.ts in a worker thread, compiling as the shop does (the engine's options pick the form). */
export const checkerInThread =
  (options: ConfigurationOptions = {}): CatalogChecker =>
  (catalog, signal) => {
    const data: CheckThreadData = { catalog, options };
    return runInThread<CheckThreadReply>(new URL('./check.worker.ts', import.meta.url), data, signal);
  };

/** A catalog's findings and build count, run in a worker thread, remembered for the last few contents checked. */
export interface DraftChecks {
  /** @throws Error with the engine's message when the catalog cannot be checked (a rule too large to tabulate). */
  check(catalog: Catalog): Promise<CheckResult>;
  close(): void;
}

/** Checking is deterministic, so the same content is checked once: the editor's check and the publish that follows. */
export function draftChecks(run: CatalogChecker = checkerInThread()): DraftChecks {
  const runs = keptRuns(async (catalog: Catalog, signal) => {
    const reply = await run(catalog, signal);
    if (!reply.ok) throw new Error(reply.message);
    return reply;
  }, 32);
  return { check: (catalog) => runs.get(catalog), close: () => runs.close() };
}

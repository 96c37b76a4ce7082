import type { CatalogDiff } from '../../contract/catalog-admin.schema.ts';
import type { DiffInput } from './catalog-diff.ts';
import type { DiffThreadReply } from './diff.worker.ts';
import { runInThread } from './in-thread.ts';
import { keptRuns, type KeptRuns } from './kept-runs.ts';

/**
 * Diffs made in a worker thread (about 8 s on the PC catalog with a rule changed: the event loop must stay free),
 * the last few remembered by content (a draft's diff asked again before it changes costs nothing).
 * `get` throws Error with the engine's message when a catalog cannot be compiled.
 */
export function catalogDiffs(): KeptRuns<DiffInput, CatalogDiff> {
  return keptRuns(async (input: DiffInput, signal) => {
    const reply = await runInThread<DiffThreadReply>(
      new URL('./diff.worker.ts', import.meta.url),
      input,
      signal,
    );
    if (!reply.ok) throw new Error(reply.message);
    return reply.diff;
  }, 20);
}

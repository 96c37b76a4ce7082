import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogDiff } from '../../contract/catalog-admin.schema.ts';
import { catalogDiff, type DiffInput } from './catalog-diff.ts';

/** A diff, or why the engine could not make it (a rule too large to tabulate). */
export type DiffThreadReply = { ok: true; diff: CatalogDiff } | { ok: false; message: string };

function reply({ from, before, to, after }: DiffInput): DiffThreadReply {
  try {
    return { ok: true, diff: catalogDiff(from, before, to, after) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(reply(workerData as DiffInput));

import { parentPort, workerData } from 'node:worker_threads';
import { assessImpact, type ImpactCounts, type ImpactInput } from './impact-assess.ts';

/** The report's counts and items, or why the draft could not be compiled. */
export type ImpactThreadReply = { ok: true; report: ImpactCounts } | { ok: false; message: string };

function reply(input: ImpactInput): ImpactThreadReply {
  try {
    return { ok: true, report: assessImpact(input) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(reply(workerData as ImpactInput));

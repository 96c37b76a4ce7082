import type { RuleSample } from '../../core/configurator/rule-samples.ts';
import { findSamples, type SamplesReply } from './find-samples.ts';

/**
 * One worker for every preview, kept while the editor is open: it holds the last compiled catalog, so opening another
 * rule of the same draft reuses it (the page's thread held it before).
 */
let worker: { w: Worker; busy: boolean } | undefined;
let seq = 0;
const waiting = new Map<number, (samples: RuleSample[]) => void>();

function accept({ seq: answered, samples }: SamplesReply): void {
  if (worker) worker.busy = false;
  waiting.get(answered)?.(samples);
  waiting.delete(answered);
}

function startWorker(): { w: Worker; busy: boolean } {
  const w = new Worker(new URL('./samples.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<SamplesReply>) => accept(e.data);
  // A worker that fails (out of memory on a huge draft) answers the newest request with no sample.
  w.onerror = () => accept({ seq, samples: [] });
  return { w, busy: false };
}

/**
 * Searches the samples of the rule at `at` and calls `onSamples` with them, latest request wins: a newer request stops
 * the worker busy with an older one, whose callback is then never called. Where there is no Worker (component tests
 * in jsdom) it searches in-process after the paint.
 * @returns a cancel function: the callback is not called after it.
 */
export function requestSamples(
  structure: string,
  at: number,
  onSamples: (samples: RuleSample[]) => void,
): () => void {
  const current = ++seq;
  if (typeof Worker === 'undefined') {
    const timer = setTimeout(() => onSamples(findSamples({ seq: current, structure, at }).samples), 0);
    return () => clearTimeout(timer);
  }
  if (worker?.busy) {
    worker.w.terminate();
    worker = undefined;
  }
  waiting.clear();
  worker ??= startWorker();
  worker.busy = true;
  waiting.set(current, onSamples);
  worker.w.postMessage({ seq: current, structure, at });
  return () => waiting.delete(current);
}

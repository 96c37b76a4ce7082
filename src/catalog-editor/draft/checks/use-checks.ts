import { useEffect, useRef, useState } from 'react';
import type { Catalog } from '../../../core/catalog/index.ts';
import type { CheckReply, CheckRequest } from './check-reply.ts';
import { runChecks } from './run-checks.ts';

const DEBOUNCE_MS = 400;

/** A worker where there is one (browsers); checks on the spot in a microtask elsewhere (component tests in jsdom). */
function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
}

export interface Checks {
  /** The newest answer, for the document it names (possibly older than the one on screen). */
  reply?: CheckReply;
  /** A newer document is being checked. */
  running: boolean;
}

/**
 * Checks the document a moment after it stops changing, latest wins: a newer document terminates the worker busy
 * with an older one (its answer would be stale), and answers for older documents are ignored.
 */
export function useChecks(doc: Catalog): Checks {
  const [checks, setChecks] = useState<Checks>({ running: true });
  const worker = useRef<{ w: Worker | undefined; busy: boolean }>({ w: undefined, busy: false });
  const seq = useRef(0);

  useEffect(() => {
    const current = ++seq.current;
    setChecks((c) => ({ ...c, running: true }));
    const accept = (reply: CheckReply) => {
      if (reply.seq !== seq.current) return;
      worker.current.busy = false;
      setChecks({ reply, running: false });
    };
    const timer = setTimeout(() => {
      const request: CheckRequest = { seq: current, doc };
      const slot = worker.current;
      if (typeof Worker === 'undefined') return void Promise.resolve(request).then(runChecks).then(accept);
      if (slot.busy) slot.w?.terminate();
      if (!slot.w || slot.busy) {
        slot.w = startWorker();
        if (slot.w) {
          slot.w.onmessage = (e: MessageEvent<CheckReply>) => accept(e.data);
          slot.w.onerror = (e) =>
            accept({
              seq: seq.current,
              issues: [],
              findings: [],
              buildCount: null,
              form: null,
              failure: e.message,
            });
        }
      }
      slot.busy = true;
      slot.w?.postMessage(request);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc]);

  useEffect(() => () => worker.current.w?.terminate(), []);
  return checks;
}

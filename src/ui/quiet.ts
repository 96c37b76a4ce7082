import { useEffect, useState } from 'react';

/**
 * When work the shopper did not ask for may take the page's thread (the 3D view's chunk, WebGL context and first
 * frame; learning what buyers chose): once the shopper has left the page alone for a moment and the browser is
 * idle. Started at once, such work lands just when the options first appear, where a shopper's first click meets
 * it; on a software renderer a 3D step alone holds the thread for up to seconds.
 */
export const QUIET_MS = 1000;

const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
let lastInput = 0;
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const mark = () => (lastInput = performance.now());
  for (const type of INPUTS) window.addEventListener(type, mark, { capture: true, passive: true });
}

/**
 * Calls `run` once there has been no input for `ms` (counted from this call at least) and then the browser is
 * idle. Returns a function that cancels it.
 */
export function whenQuiet(run: () => void, ms = QUIET_MS): () => void {
  listen();
  const since = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const check = () => {
    const wait = Math.max(since, lastInput) + ms - performance.now();
    if (wait > 0) timer = setTimeout(check, wait);
    // Safari has no requestIdleCallback: the quiet period alone then.
    else if (typeof requestIdleCallback === 'function')
      idle = requestIdleCallback(() => (performance.now() - lastInput >= ms ? run() : check()), {
        timeout: ms,
      });
    else run();
  };
  check();
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** False until a quiet moment (see {@link whenQuiet}) came after the component mounted; then true for good. */
export function useQuietMoment(ms = QUIET_MS): boolean {
  const [quiet, setQuiet] = useState(false);
  useEffect(() => (quiet ? undefined : whenQuiet(() => setQuiet(true), ms)), [quiet, ms]);
  return quiet;
}

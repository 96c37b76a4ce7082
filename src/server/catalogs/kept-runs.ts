import { createHash } from 'node:crypto';

/** Deterministic work (usually in a worker thread), run once per input content while remembered. */
export interface KeptRuns<In, Out> {
  /** The run's result for this content: the one under way or remembered, else a new run. */
  get(input: In): Promise<Out>;
  /** Stops the runs under way (the app is closing); they reject. */
  close(): void;
}

/**
 * Keyed by the hash of the input's JSON, so the same content is worked on once (a check and the publish after it;
 * the editor asking the same diff again); the oldest is forgotten first, a failed run at once.
 */
export function keptRuns<In, Out>(
  run: (input: In, signal: AbortSignal) => Promise<Out>,
  remembered: number,
): KeptRuns<In, Out> {
  const kept = new Map<string, Promise<Out>>();
  const closing = new AbortController();
  return {
    get(input) {
      const key = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      let found = kept.get(key);
      if (!found) {
        found = run(input, closing.signal);
        found.catch(() => kept.delete(key));
        kept.set(key, found);
        if (kept.size > remembered) kept.delete(kept.keys().next().value as string);
      }
      return found;
    },
    close: () => closing.abort(),
  };
}

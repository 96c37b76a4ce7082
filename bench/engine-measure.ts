/** What every line of bench/engine.ts measures with: seeded clicks, percentiles, a clean heap, baseline comparison. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Baseline } from './engine-baseline.ts';

// A full collection before each timed loop, so that garbage of a compilation or a baseline is not collected inside it.
setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;

/** A deterministic generator per purpose, so one instance's figures do not depend on which others ran. */
export function generator(name: string): (n: number) => number {
  let seed = 20261125;
  for (const ch of name) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  return (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
}

export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number =>
    Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(3));
  return { p50: at(0.5), p95: at(0.95), max: Number((s[s.length - 1] ?? 0).toFixed(3)) };
};

/**
 * Runs a baseline on the clicks until `budgetMs` has passed or it first gives up (it cannot hold the instance):
 * its times, and the clicks where its answer differs from the engine's.
 */
export function compare(
  baseline: Baseline,
  clicks: Map<number, number>[],
  answers: Uint8Array[],
  budgetMs: number,
) {
  const times: number[] = [];
  let wrong = 0;
  let gaveUp = 0;
  const stop = performance.now() + budgetMs;
  for (let i = 0; i < clicks.length && gaveUp === 0 && performance.now() < stop; i++) {
    const s = performance.now();
    const v = baseline(clicks[i] as Map<number, number>);
    times.push(performance.now() - s);
    if (v === undefined) gaveUp++;
    else if (v.some((b, k) => b !== answers[i]?.[k])) wrong++;
  }
  return { times, wrong, gaveUp };
}

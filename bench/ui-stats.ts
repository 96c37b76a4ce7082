/** What the UI benchmarks share: JSON-line output (logs to stderr) and percentiles. */

export const log = (...args: unknown[]) => console.error('[bench:ui]', ...args);
export const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'ui', ...line }));
export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
export const ms = (value: number) => Math.round(value * 10) / 10;
export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** Nearest-rank percentile (of 10 samples, p95 is the largest). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function stats(values: number[]) {
  return {
    n: values.length,
    p50_ms: ms(percentile(values, 50)),
    p95_ms: ms(percentile(values, 95)),
    max_ms: ms(values.length ? Math.max(...values) : Number.NaN),
  };
}

import { describe, expect, it } from 'vitest';
import { keptRuns } from './kept-runs.ts';

describe('keptRuns', () => {
  it('runs the same content once, forgets a failed run, and aborts runs under way on close', async () => {
    const seen: string[] = [];
    const signals: AbortSignal[] = [];
    const runs = keptRuns(async (input: { n: number }, signal) => {
      seen.push(JSON.stringify(input));
      signals.push(signal);
      if (input.n < 0) throw new Error('no');
      return input.n * 2;
    }, 2);
    expect(await Promise.all([runs.get({ n: 1 }), runs.get({ n: 1 })])).toEqual([2, 2]);
    await expect(runs.get({ n: -1 })).rejects.toThrow('no');
    await expect(runs.get({ n: -1 })).rejects.toThrow('no');
    expect(seen).toEqual(['{"n":1}', '{"n":-1}', '{"n":-1}']);
    await runs.get({ n: 2 });
    await runs.get({ n: 3 }); // the oldest ({n: 1}) is forgotten
    await runs.get({ n: 1 });
    expect(seen.filter((s) => s === '{"n":1}')).toHaveLength(2);
    runs.close();
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});

import { stat } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextTurn } from '../../src/server/store/loop-turns.ts';

/** Blocks the thread, as a request that only queries SQLite does, long enough for the thread pool to finish a stat. */
const holdThread = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('loop turns', () => {
  it('runs waiters one at a time, first come first served', async () => {
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((name) => nextTurn().then(() => order.push(name))));
    expect(order).toEqual(['a', 'b', 'c']);
    // The queue restarts once drained.
    await nextTurn();
  });

  it('lets the loop poll between two turns: I/O finished during one turn is delivered before the next', async () => {
    let statDone = false;
    const first = nextTurn().then(() => {
      stat(import.meta.dirname, () => {
        statDone = true;
      });
      holdThread(50);
    });
    const second = nextTurn().then(() => statDone);
    await first;
    expect(await second).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setNewest } from './newest-first.ts';

describe('setNewest', () => {
  it('keeps the `max` most recently set keys, each with its last value, oldest first', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat())), fc.integer({ min: 1, max: 8 }), (sets, max) => {
        const entries = new Map<number, number>();
        for (const [k, v] of sets) setNewest(entries, k, v, max);
        // The model: the distinct keys in order of their last set, the newest `max` of them.
        const last = new Map<number, number>();
        for (const [k, v] of sets) {
          last.delete(k);
          last.set(k, v);
        }
        expect([...entries]).toEqual([...last].slice(-max));
      }),
    );
  });
});

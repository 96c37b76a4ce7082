import { describe, expect, it } from 'vitest';
import { optionsDiff } from './options-diff.ts';

describe('optionsDiff', () => {
  it('lists exactly the slots whose options differ, whatever the order they were listed in', () => {
    expect(
      optionsDiff(
        { cpu: { a: 1 }, memory: { m1: 1, m2: 1 }, gpu: { g: 1 } },
        { memory: { m2: 1, m1: 1 }, cpu: { b: 1 }, storage: { s: 2 } },
      ),
    ).toEqual([
      { slot: 'cpu', before: ['a'], after: ['b'] },
      { slot: 'gpu', before: ['g'], after: [] },
      { slot: 'storage', before: [], after: ['s ×2'] },
    ]);
    expect(optionsDiff({ cpu: { a: 1 } }, { cpu: { a: 1 }, gpu: {} })).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallModel, solutions } from '../../../test/engine/brute-force.ts';
import { compileModel } from '../engine/compile.ts';
import type { Model } from '../engine/model.ts';
import { evaluateSplit, groupedFolds, summarize } from './evaluate.ts';
import type { SoldBuilds } from './sales.ts';

const salesArb = fc
  .array(fc.tuple(fc.nat(2), fc.nat(2), fc.nat(1)), { minLength: 1, maxLength: 60 })
  .map((rows): SoldBuilds => ({
    variables: Int32Array.from([0, 1, 2]),
    rows: Int32Array.from(rows.flat()),
    count: rows.length,
  }));

describe('grouped folds', () => {
  it('keep identical builds in one fold, balance sizes and depend only on the seed', () => {
    fc.assert(
      fc.property(salesArb, fc.integer({ min: 2, max: 10 }), fc.integer(), (b, folds, seed) => {
        const f = groupedFolds(b, folds, seed);
        expect(groupedFolds(b, folds, seed)).toEqual(f);
        const foldOf = new Map<string, number>();
        for (let r = 0; r < b.count; r++) {
          const key = b.rows.subarray(r * 3, r * 3 + 3).join();
          expect(foldOf.get(key) ?? f[r]).toBe(f[r]);
          foldOf.set(key, f[r] as number);
          expect(f[r]).toBeGreaterThanOrEqual(0);
          expect(f[r]).toBeLessThan(folds);
        }
      }),
    );
  });
});

const splitArb = smallModel
  .map((m) => ({ m, sols: solutions(m) }))
  .filter(({ sols }) => sols.length > 0)
  .chain(({ m, sols }) =>
    fc.tuple(
      fc.constant(m),
      fc.constant(sols),
      fc.array(fc.nat(sols.length - 1), { minLength: 1, maxLength: 20 }),
      fc.array(fc.nat(sols.length - 1), { minLength: 1, maxLength: 8 }),
    ),
  );

/** The listed solutions as sold builds over every variable of the model. */
const soldOf = (m: Model, sols: readonly Int32Array[], idx: readonly number[]): SoldBuilds => ({
  variables: Int32Array.from(m.variables, (_, x) => x),
  rows: Int32Array.from(idx.flatMap((i) => [...(sols[i] as Int32Array)])),
  count: idx.length,
});

describe('evaluateSplit', () => {
  it('with maxK scores the steps of the full run with k < maxK, and none beyond', () => {
    fc.assert(
      fc.property(splitArb, fc.integer(), fc.nat(4), ([m, sols, trainIdx, testIdx], seed, maxK) => {
        const builds = (idx: number[]) => soldOf(m, sols, idx);
        const d = compileModel(m);
        const run = (limit?: number) =>
          evaluateSplit(d, builds(trainIdx), builds(testIdx), {
            seed,
            clock: () => 0,
            combinerSteps: 50,
            latencySamples: 10,
            ...(limit === undefined ? {} : { maxK: limit }),
          });
        const full = run();
        const first = run(maxK);
        const cut = (xs: readonly number[]) => xs.map((x, k) => (k < maxK ? x : 0));
        expect(first.steps).toEqual(cut(full.steps));
        expect(first.correct).toEqual(cut(full.correct));
        expect(first.marginal).toEqual(cut(full.marginal));
        expect(first.naiveBayes).toEqual(cut(full.naiveBayes));
        expect(first.versusNaiveBayes).toEqual({
          won: cut(full.versusNaiveBayes.won),
          lost: cut(full.versusNaiveBayes.lost),
        });
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic for a seed and counts every step of every test build', () => {
    fc.assert(
      fc.property(splitArb, fc.integer(), ([m, sols, trainIdx, testIdx], seed) => {
        const builds = (idx: number[]) => soldOf(m, sols, idx);
        const d = compileModel(m);
        // A small combiner sample keeps 100 runs quick; the determinism asserted is the same.
        const run = () =>
          evaluateSplit(d, builds(trainIdx), builds(testIdx), {
            seed,
            clock: () => 0,
            combinerSteps: 200,
            latencySamples: 50,
          });
        const a = run();
        expect(run()).toEqual(a);
        expect(a.steps.reduce((s, x) => s + x, 0)).toBe(testIdx.length * m.variables.length);
        expect(a.inconsistent).toBe(0);
        expect(a.disagreements).toBe(0);
        const s = summarize(a);
        expect(s.precision).toBeGreaterThanOrEqual(s.forced_share);
      }),
      { numRuns: 100 },
    );
  });
});

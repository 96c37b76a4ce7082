import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../engine/model.ts';
import { learnPopulation, marginalScores, naiveBayesScores, populationScores } from './population.ts';
import type { SoldBuilds } from './sales.ts';

const model: Model = {
  variables: [
    { name: 'fuel', values: ['diesel', 'petrol'] },
    { name: 'body', values: ['estate', 'hatch', 'suv'] },
    { name: 'paint', values: ['black', 'white', 'red'] },
  ],
  constraints: [],
};
const builds = (rows: number[][]): SoldBuilds => ({
  variables: Int32Array.from([0, 1, 2]),
  rows: Int32Array.from(rows.flat()),
  count: rows.length,
});
const rowsArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
  { minLength: 1, maxLength: 40 },
);

describe('population model', () => {
  it('is learned deterministically: the same builds in any order give the same model', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (a, b) => ((a[0] * 7 + a[1] * 3 + a[2] + seed) % 5) - ((b[0] * 7 + b[1] * 3 + b[2] + seed) % 5),
        );
        const a = learnPopulation(model, builds(rows));
        const b = learnPopulation(model, builds(shuffled));
        expect(a.information).toEqual(b.information);
        expect(a.marginal).toEqual(b.marginal);
        expect(a.pair).toEqual(b.pair);
        for (let t = 0; t < 3; t++) {
          const given = [[(t + 1) % 3, 0] as const];
          const x = new Float64Array(3);
          const y = new Float64Array(3);
          populationScores(a, given, t, x);
          populationScores(b, given, t, y);
          expect([...x]).toEqual([...y]);
        }
      }),
    );
  });

  it('gives a probability per value that follows the builds sharing the telling choices', () => {
    // Diesels are estates, petrols hatches; paint is unrelated to both.
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => [0, 0, i % 3]),
      ...Array.from({ length: 30 }, (_, i) => [1, 1, i % 3]),
      [1, 2, 0],
    ];
    const p = learnPopulation(model, builds(rows));
    expect(p.information[1 * 3 + 0]).toBeGreaterThan(p.information[1 * 3 + 2] as number);
    const out = new Float64Array(3);
    populationScores(p, [[0, 0]], 1, out);
    expect(out.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    expect(out[0]).toBeGreaterThan(0.9);
    populationScores(
      p,
      [
        [0, 1],
        [2, 2],
      ],
      1,
      out,
    );
    expect(out[1]).toBeGreaterThan(0.9);
    marginalScores(p, 1, out);
    expect([...out]).toEqual([30, 30, 1]);
    naiveBayesScores(p, [[0, 0]], 1, out);
    expect(out[0]).toBeGreaterThan(out[1] as number);
  });
});

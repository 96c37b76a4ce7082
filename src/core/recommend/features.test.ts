/** The candidate features: finite, and leaving a build out is exactly learning without it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../engine/model.ts';
import { candidateFeatures, featureWork, FEATURES } from './features.ts';
import { learnPopulation, type GivenChoice } from './population.ts';
import type { SoldBuilds } from './sales.ts';

const model: Model = {
  variables: [
    { name: 'fuel', values: ['diesel', 'petrol'] },
    { name: 'body', values: ['estate', 'hatch', 'suv'] },
    { name: 'paint', values: ['black', 'white', 'red'] },
    { name: 'roof', values: ['no', 'yes'] },
  ],
  constraints: [],
};
const builds = (rows: number[][]): SoldBuilds => ({
  variables: Int32Array.from([0, 1, 2, 3]),
  rows: Int32Array.from(rows.flat()),
  count: rows.length,
});
const rowArb = fc.tuple(
  fc.integer({ min: 0, max: 1 }),
  fc.integer({ min: 0, max: 2 }),
  fc.integer({ min: 0, max: 2 }),
  fc.integer({ min: 0, max: 1 }),
);
const caseArb = fc.record({
  rows: fc.array(rowArb, { minLength: 2, maxLength: 30 }),
  target: fc.nat(3),
  given: fc.subarray([0, 1, 2, 3]),
  pick: fc.nat(),
});

function featuresOf(rows: number[][], target: number, given: GivenChoice[], exclude: (r: number) => number) {
  const p = learnPopulation(model, builds(rows));
  const valid = Array.from({ length: p.domSize[target] as number }, (_, v) => v);
  const out = new Float64Array(valid.length * FEATURES);
  candidateFeatures(p, given, target, valid, exclude(p.weight.length), featureWork(p), out);
  return { p, out };
}

describe('candidate features', () => {
  it('are finite for every value, whatever the choices', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, target, given, pick }) => {
        const choices = given.filter((i) => i !== target).map((i) => [i, pick % 2] as GivenChoice);
        const { out } = featuresOf(rows, target, choices, () => -1);
        for (const x of out) expect(Number.isFinite(x)).toBe(true);
      }),
    );
  });

  it('with a build left out equal those of the other sold builds alone (same information weights)', () => {
    fc.assert(
      fc.property(caseArb, ({ rows, target, given, pick }) => {
        const all = learnPopulation(model, builds(rows));
        const left = pick % all.weight.length;
        const config = all.columns.map((c) => c[left] as number);
        const others = rows.filter((r) => r.some((v, i) => v !== config[i]));
        if (others.length === 0) return;
        const choices = given.filter((i) => i !== target).map((i) => [i, config[i] as number] as GivenChoice);
        const valid = Array.from({ length: all.domSize[target] as number }, (_, v) => v);
        const a = new Float64Array(valid.length * FEATURES);
        candidateFeatures(all, choices, target, valid, left, featureWork(all), a);
        const rest = { ...learnPopulation(model, builds(others)), information: all.information };
        const b = new Float64Array(valid.length * FEATURES);
        candidateFeatures(rest, choices, target, valid, -1, featureWork(rest), b);
        a.forEach((x, j) => expect(x).toBeCloseTo(b[j] as number, 9));
      }),
    );
  });
});

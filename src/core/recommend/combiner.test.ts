/** The combiner on random small models: deterministic, independent of the order of the sales, valid answers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentOf, extendsAssignment, smallModel, solutions } from '../../../test/engine/brute-force.ts';
import { compileModel } from '../engine/compile.ts';
import { learnCombiner } from './combiner.ts';
import { learnPopulation } from './population.ts';
import { learnRecommender, recommend } from './recommend.ts';
import type { SoldBuilds } from './sales.ts';

const market = smallModel
  .map((m) => ({ m, sols: solutions(m) }))
  .filter(({ sols }) => sols.length > 1)
  .chain(({ m, sols }) =>
    fc.record({
      m: fc.constant(m),
      sols: fc.constant(sols),
      sold: fc.array(fc.nat(sols.length - 1), { minLength: 2, maxLength: 30 }),
      assignment: assignmentOf(m),
      variable: fc.nat(m.variables.length - 1),
      seed: fc.nat(),
    }),
  );

function soldBuilds(sols: Int32Array[], sold: number[], columns: number[]): SoldBuilds {
  return {
    variables: Int32Array.from(columns),
    rows: Int32Array.from(sold.flatMap((i) => columns.map((x) => (sols[i] as Int32Array)[x] as number))),
    count: sold.length,
  };
}

describe('combiner', () => {
  it('learns the same weights for the same seed, whatever the order of the sold builds', () => {
    fc.assert(
      fc.property(market, ({ m, sols, sold, seed }) => {
        const d = compileModel(m);
        const columns = m.variables.map((_, x) => x);
        const a = learnCombiner(learnPopulation(m, soldBuilds(sols, sold, columns)), d, seed, 200);
        const reversed = [...sold].reverse();
        const b = learnCombiner(learnPopulation(m, soldBuilds(sols, reversed, columns)), d, seed, 200);
        expect(b).toEqual(a);
        for (const w of a?.weights ?? []) expect(Number.isFinite(w)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('ranks exactly the valid values, and ignores a customer who turned personalization off', () => {
    fc.assert(
      fc.property(market, ({ m, sols, sold, assignment, variable, seed }) => {
        const d = compileModel(m);
        const columns = m.variables.map((_, x) => x);
        const rec = learnRecommender(m, soldBuilds(sols, sold, columns), {
          diagram: d,
          seed,
          combinerSteps: 200,
        });
        const others = new Map(assignment);
        others.delete(variable);
        const want = (m.variables[variable] as { values: readonly string[] }).values
          .map((_, v) => v)
          .filter((v) => sols.some((s) => s[variable] === v && extendsAssignment(s, others)));
        const r = recommend(rec, d, assignment, variable);
        if (want.length === 0) expect(r).toBeNull();
        else expect(r?.ranked.map((x) => x.value).sort((a, b) => a - b)).toEqual(want);
        const off = recommend(rec, d, assignment, variable, {
          customer: { personalization: false, builds: [assignment] },
        });
        expect(off).toEqual(r);
        const population = r?.ranked.reduce((s, x) => s + x.population, 0) ?? 1;
        expect(population).toBeCloseTo(1, 9);
      }),
      { numRuns: 30 },
    );
  });
});

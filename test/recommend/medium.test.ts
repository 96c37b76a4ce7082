/**
 * The recommender on the BR4CP "medium" car with its sales (BENCH_DATA, read at run time): valid values
 * only, personalization off changes nothing, deterministic learning, and a small end-to-end evaluation.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { compileModel } from '../../src/core/engine/compile.ts';
import type { Diagram } from '../../src/core/engine/diagram.ts';
import { domainsScratch, validDomains } from '../../src/core/engine/domains.ts';
import { importXcsp } from '../../src/core/engine/import/xcsp.ts';
import { indexModel } from '../../src/core/engine/model.ts';
import { evaluateSplit, groupedFolds, summarize } from '../../src/core/recommend/evaluate.ts';
import {
  learnRecommender,
  recommend,
  recommendScratch,
  type Recommender,
} from '../../src/core/recommend/recommend.ts';
import { parseSales, selectBuilds, type SoldBuilds } from '../../src/core/recommend/sales.ts';
import { benchFile } from '../fixtures/bench-data.ts';
import { describeBenchData } from '../fixtures/describe-bench-data.ts';

describeBenchData('recommender on BR4CP medium', () => {
  let d: Diagram;
  let sales: SoldBuilds;
  let rec: Recommender;
  beforeAll(() => {
    const model = importXcsp(readFileSync(benchFile('renault-br4cp/medium.xml'), 'utf8'));
    d = compileModel(model);
    sales = parseSales(
      model,
      indexModel(model),
      readFileSync(benchFile('renault-br4cp/config_medium_filtered.txt'), 'utf8'),
    );
    rec = learnRecommender(model, sales);
  });

  /** A partial build: a sold car's values in a random order, cut at k, then a few random valid clicks. */
  type PartialCar = typeof partial extends fc.Arbitrary<infer T> ? T : never;
  const partial = fc.record({
    car: fc.nat(),
    order: fc.array(fc.nat(), { minLength: 44, maxLength: 44 }),
    k: fc.nat(44),
    clicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    variable: fc.nat(),
  });

  function build(p: PartialCar) {
    const n = sales.variables.length;
    const car = p.car % sales.count;
    const cols = sales.variables
      .map((_, i) => i)
      .sort((a, b) => (p.order[a] as number) - (p.order[b] as number) || a - b);
    const a = new Map<number, number>();
    for (const i of cols.slice(0, p.k))
      a.set(sales.variables[i] as number, sales.rows[car * n + i] as number);
    const scratch = domainsScratch(d);
    for (const [xs, vs] of p.clicks) {
      const r = validDomains(d, a, scratch);
      const x = xs % d.model.variables.length;
      const size = (d.model.variables[x] as { values: readonly string[] }).values.length;
      const valid = Array.from({ length: size }, (_, v) => v).filter(
        (v) => r.valid[(r.valueOffset[x] as number) + v],
      );
      if (valid.length > 0) a.set(x, valid[vs % valid.length] as number);
    }
    return a;
  }

  it('recommends only values the engine shows as valid', () => {
    const scratch = recommendScratch(rec, d);
    const ds = domainsScratch(d);
    fc.assert(
      fc.property(partial, (p) => {
        const a = build(p);
        const x = p.variable % d.model.variables.length;
        const others = new Map(a);
        others.delete(x);
        const r = recommend(rec, d, a, x, { scratch });
        const dom = validDomains(d, others, ds);
        const size = (d.model.variables[x] as { values: readonly string[] }).values.length;
        const valid = Array.from({ length: size }, (_, v) => v).filter(
          (v) => dom.valid[(dom.valueOffset[x] as number) + v],
        );
        expect(r?.ranked.map((v) => v.value).sort((u, v) => u - v)).toEqual(valid);
        expect(valid).toContain(r?.ranked[0]?.value);
      }),
      { numRuns: 150 },
    );
  });

  it('ignores a customer history when personalization is off', () => {
    fc.assert(
      fc.property(partial, fc.array(partial, { maxLength: 4 }), (p, past) => {
        const a = build(p);
        const x = sales.variables[p.variable % sales.variables.length] as number;
        const builds = past.map((q) => build({ ...q, k: 44 }));
        const alone = recommend(rec, d, a, x);
        expect(recommend(rec, d, a, x, { customer: { personalization: false, builds } })).toEqual(alone);
      }),
      { numRuns: 40 },
    );
  });

  it('learns the same model from the same sales and seed', () => {
    const a = learnRecommender(d.model, sales, { diagram: d, seed: 5 });
    const b = learnRecommender(d.model, sales, { diagram: d, seed: 5 });
    expect(b.population).toEqual(a.population);
    expect(a.combiner).not.toBeNull();
    expect(b.combiner).toEqual(a.combiner);
    expect(a.population.information).toEqual(rec.population.information);
    expect(a.population.weight).toEqual(rec.population.weight);
  });

  it('beats both baselines on a held-out fold, with the same figures for the same seed', () => {
    const fold = groupedFolds(sales, 10, 7);
    const train: number[] = [];
    const test: number[] = [];
    for (let r = 0; r < sales.count; r++) (fold[r] === 3 ? test : train).push(r);
    const run = () =>
      summarize(
        evaluateSplit(d, selectBuilds(sales, train), selectBuilds(sales, test), {
          seed: 7,
          clock: () => 0,
        }),
      );
    const s = run();
    expect(run()).toEqual(s);
    expect(s.steps).toBe(test.length * 44);
    expect(s.disagreements).toBe(0);
    expect(s.precision).toBeGreaterThan(s.baseline_marginal);
    expect(s.precision).toBeGreaterThan(s.baseline_naive_bayes);
  });
});

/** Recommendations on random small models: only valid values, and a customer's data counts only when allowed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentOf, extendsAssignment, smallModel, solutions } from '../../../test/engine/brute-force.ts';
import { compileModel } from '../engine/compile.ts';
import type { Model } from '../engine/model.ts';
import type { CustomerHistory } from './personal.ts';
import { learnRecommender, recommend } from './recommend.ts';
import type { SoldBuilds } from './sales.ts';

/** A model with valid builds, some of them sold (repeats allowed), over a random subset of its variables. */
const market = smallModel
  .map((m) => ({ m, sols: solutions(m) }))
  .filter(({ sols }) => sols.length > 0)
  .chain(({ m, sols }) =>
    fc.record({
      m: fc.constant(m),
      sols: fc.constant(sols),
      sold: fc.array(fc.nat(sols.length - 1), { minLength: 1, maxLength: 30 }),
      columns: fc.subarray(
        m.variables.map((_, x) => x),
        { minLength: 1 },
      ),
      assignment: assignmentOf(m),
      variable: fc.nat(m.variables.length - 1),
      history: fc.array(assignmentOf(m), { maxLength: 5 }),
      preference: fc.array(
        fc.tuple(fc.nat(m.variables.length - 1), fc.nat(3), fc.double({ min: 0, max: 2 })),
        {
          maxLength: 6,
        },
      ),
    }),
  );

function soldBuilds(sols: Int32Array[], sold: number[], columns: number[]): SoldBuilds {
  return {
    variables: Int32Array.from(columns),
    rows: Int32Array.from(sold.flatMap((i) => columns.map((x) => (sols[i] as Int32Array)[x] as number))),
    count: sold.length,
  };
}

function customerOf(
  m: Model,
  personalization: boolean,
  history: Map<number, number>[],
  preference: [number, number, number][],
): CustomerHistory {
  const preferences = new Map<number, Map<number, number>>();
  for (const [x, v, s] of preference) {
    if (v >= (m.variables[x] as { values: readonly string[] }).values.length) continue;
    preferences.set(x, (preferences.get(x) ?? new Map<number, number>()).set(v, s));
  }
  return { personalization, builds: history, preferences };
}

describe('recommend', () => {
  it('ranks exactly the valid values of the variable, or answers null when none is valid', () => {
    fc.assert(
      fc.property(
        market,
        fc.boolean(),
        ({ m, sols, sold, columns, assignment, variable, history, preference }, on) => {
          const d = compileModel(m);
          const rec = learnRecommender(m, soldBuilds(sols, sold, columns));
          const others = new Map(assignment);
          others.delete(variable);
          const want = (m.variables[variable] as { values: readonly string[] }).values
            .map((_, v) => v)
            .filter((v) => sols.some((s) => s[variable] === v && extendsAssignment(s, others)));
          const customer = customerOf(m, on, history, preference);
          const r = recommend(rec, d, assignment, variable, { customer });
          if (want.length === 0) {
            expect(r).toBeNull();
            return;
          }
          expect(r).not.toBeNull();
          expect(want).toContain(r?.ranked[0]?.value);
          expect(r?.ranked.map((x) => x.value).sort((a, b) => a - b)).toEqual(want);
          expect(r?.explanation).toMatch(/^[A-Z0-9].*\.$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with personalization off, ignores the customer history entirely', () => {
    fc.assert(
      fc.property(market, ({ m, sols, sold, columns, assignment, variable, history, preference }) => {
        const d = compileModel(m);
        const rec = learnRecommender(m, soldBuilds(sols, sold, columns));
        const alone = recommend(rec, d, assignment, variable);
        const off = recommend(rec, d, assignment, variable, {
          customer: customerOf(m, false, history, preference),
        });
        expect(off).toEqual(alone);
        expect(off?.personalWeight ?? 0).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('with personalization on, lets a long consistent history decide, and says so', () => {
    fc.assert(
      fc.property(market, fc.nat(), ({ m, sols, sold, columns, assignment, variable }, pick) => {
        const d = compileModel(m);
        const rec = learnRecommender(m, soldBuilds(sols, sold, columns));
        const base = recommend(rec, d, assignment, variable);
        fc.pre(base !== null);
        const ranked = base?.ranked ?? [];
        const mine = (ranked[pick % ranked.length] as { value: number }).value;
        const builds = Array.from({ length: 20 }, () => new Map([[variable, mine]]));
        const r = recommend(rec, d, assignment, variable, {
          customer: { personalization: true, builds },
        });
        expect(r?.ranked[0]?.value).toBe(mine);
        expect(r?.personalWeight).toBeCloseTo(20 / 22, 10);
        if (ranked.length > 1) expect(r?.explanation).toMatch(/^You chose .* in 20 of your 20 builds\.$/);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the customer history a weight that grows with its size', () => {
    const m: Model = {
      variables: [
        { name: 'paint', values: ['black', 'white', 'red'] },
        { name: 'body', values: ['estate', 'hatch'] },
      ],
      constraints: [],
    };
    const d = compileModel(m);
    const rows = [...Array.from({ length: 30 }, (): number[] => [1, 0]), [0, 1], [2, 1]];
    const rec = learnRecommender(m, {
      variables: Int32Array.from([0, 1]),
      rows: Int32Array.from(rows.flat()),
      count: 32,
    });
    const weights = [0, 1, 2, 4, 8].map(
      (k) =>
        recommend(rec, d, new Map(), 0, {
          customer: { personalization: true, builds: Array.from({ length: k }, () => new Map([[0, 0]])) },
        })?.personalWeight ?? -1,
    );
    expect(weights).toEqual([0, 1 / 3, 1 / 2, 2 / 3, 0.8]);
    const three = recommend(rec, d, new Map(), 0, {
      customer: {
        personalization: true,
        builds: [new Map([[0, 0]]), new Map([[0, 0]]), new Map([[0, 0]]), new Map([[0, 2]])],
      },
    });
    expect(three?.ranked[0]?.value).toBe(0);
    expect(three?.explanation).toBe('You chose paint=black in 3 of your 4 builds.');
    expect(three?.reason).toEqual({ kind: 'own-builds', chosen: 3, builds: 4 });
    const population = recommend(rec, d, new Map([[1, 0]]), 0);
    expect(population?.explanation).toBe(
      'Most buyers of body=estate chose paint=white (100% of 30 sold cars).',
    );
    // The same evidence as data, for the product to word in the shopper's language.
    expect(population?.reason).toEqual({ kind: 'buyers', given: [[1, 0]], share: 1, cars: 30 });
    const hatch = recommend(rec, d, new Map([[1, 1]]), 0);
    expect(hatch?.reason).toMatchObject({ kind: 'buyers', given: [[1, 1]], share: 0.5, cars: 2 });
    // Two buyers are too few to speak for: the sentence backs off to all buyers.
    expect(recommend(rec, d, new Map([[1, 1]]), 0, { minSupport: 5 })?.reason).toMatchObject({
      kind: 'all-buyers',
      cars: 32,
    });
    const forced = recommend(
      { ...rec },
      compileModel({ ...m, constraints: [{ id: 'c', label: 'c', scope: [0], rows: Int32Array.from([2]) }] }),
      new Map(),
      0,
    );
    expect(forced?.explanation).toBe('Only paint=red is still allowed by the rules.');
  });
});

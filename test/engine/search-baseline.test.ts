/**
 * The bench's search baseline (bench/engine-baseline-search.ts) is the oracle for `wrong` on the instances that
 * logic-solver cannot hold, so it must be exact: its valid domains equal brute-force enumeration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchBaseline } from '../../bench/engine-baseline-search.ts';
import { valueOffsets } from '../../src/core/engine/domains.ts';
import { WILDCARD, type Model } from '../../src/core/engine/model.ts';
import { assignmentOf, extendsAssignment, smallModel, solutions } from './brute-force.ts';

/**
 * Denser models than brute-force.ts's: 5–8 variables of 2–3 values, 6–14 tables of arity 2–3 keeping about half
 * the tuples, so that arc consistency often leaves values without a solution and the search must refute them.
 */
const denseModel: fc.Arbitrary<Model> = fc
  .array(fc.integer({ min: 2, max: 3 }), { minLength: 5, maxLength: 8 })
  .chain((sizes) => {
    const n = sizes.length;
    const table = fc
      .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 3 })
      .chain((scope) => {
        const tuples: number[][] = [[]];
        for (const x of scope)
          for (const t of tuples.splice(0))
            for (let v = 0; v < (sizes[x] as number); v++) tuples.push([...t, v]);
        return fc
          .tuple(
            fc.array(fc.boolean(), { minLength: tuples.length, maxLength: tuples.length }),
            fc.nat({ max: 9 }),
          )
          .map(([keep, star]) => {
            const rows = tuples.filter((_, i) => keep[i]);
            // Now and then a row with `*`, to exercise wildcards in propagation and in the reuse of solutions.
            if (star < scope.length && rows[0]) rows.push(rows[0].map((v, j) => (j === star ? WILDCARD : v)));
            return { scope, rows: Int32Array.from(rows.flat()) };
          });
      });
    return fc.array(table, { minLength: 6, maxLength: 14 }).map((ts): Model => ({
      variables: sizes.map((s, i) => ({
        name: `v${i}`,
        values: Array.from({ length: s }, (_, k) => `${k}`),
      })),
      constraints: ts.map((t, i) => ({ id: `c${i}`, label: `rule ${i}`, ...t })),
    }));
  });

describe('search baseline', () => {
  it.each([
    ['small', smallModel],
    ['dense', denseModel],
  ])('gives the brute-force valid domains on %s models, reused across assignments', (_, models) => {
    const withAssignments = models.chain((m) =>
      fc.tuple(fc.constant(m), fc.array(assignmentOf(m), { minLength: 1, maxLength: 4 })),
    );
    fc.assert(
      fc.property(withAssignments, ([m, as]) => {
        const baseline = searchBaseline(m);
        const off = valueOffsets(m);
        const all = solutions(m);
        for (const a of [new Map<number, number>(), ...as]) {
          const want = new Uint8Array(off[m.variables.length] as number);
          for (const s of all)
            if (extendsAssignment(s, a)) s.forEach((v, x) => (want[(off[x] as number) + v] = 1));
          expect(baseline(a)).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The recommender's valid values against brute-force enumeration on random small models. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentOf, extendsAssignment, smallModel, solutions } from '../../../test/engine/brute-force.ts';
import { compileModel } from '../engine/compile.ts';
import { batchScratch, batchValidDomains, validScratch, validValuesOf } from './valid-values.ts';

const expected = (sols: Int32Array[], a: ReadonlyMap<number, number>, x: number, size: number): number[] =>
  Array.from({ length: size }, (_, v) => v).filter((v) =>
    sols.some((s) => s[x] === v && extendsAssignment(s, a)),
  );

describe('valid values', () => {
  it('of one variable equal brute force, scratch reused across calls', () => {
    fc.assert(
      fc.property(
        smallModel.chain((m) =>
          fc.tuple(fc.constant(m), fc.array(assignmentOf(m), { minLength: 1, maxLength: 4 })),
        ),
        ([m, as]) => {
          const d = compileModel(m);
          const sols = solutions(m);
          const scratch = validScratch(d);
          for (const a of as)
            m.variables.forEach((v, x) =>
              expect(validValuesOf(d, a, x, scratch)).toEqual(expected(sols, a, x, v.values.length)),
            );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('of all variables for a batch of assignments equal brute force', () => {
    fc.assert(
      fc.property(
        smallModel.chain((m) =>
          fc.tuple(fc.constant(m), fc.array(assignmentOf(m), { minLength: 1, maxLength: 32 })),
        ),
        ([m, as]) => {
          const d = compileModel(m);
          const sols = solutions(m);
          const scratch = batchScratch(d);
          const masks = batchValidDomains(d, as, scratch);
          as.forEach((a, q) =>
            m.variables.forEach((v, x) => {
              const base = scratch.levelValue[d.levelOf[x] as number] as number;
              const got = Array.from({ length: v.values.length }, (_, i) => i).filter(
                (i) => (((masks[base + i] as number) >>> q) & 1) === 1,
              );
              expect(got).toEqual(expected(sols, a, x, v.values.length));
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

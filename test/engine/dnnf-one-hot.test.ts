/** The one-hot route against the MDD engine on random multi-valued table models (the brute-force tests' models). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentOf, smallModel } from './brute-force.ts';
import { compileModel } from '../../src/core/engine/compile.ts';
import { complete } from '../../src/core/engine/complete.ts';
import { exactCount } from '../../src/core/engine/count.ts';
import { validDomains } from '../../src/core/engine/domains.ts';
import { satisfies } from '../../src/core/engine/model.ts';
import { compileDnnf } from '../../src/core/engine/dnnf/compile.ts';
import { dnnfComplete } from '../../src/core/engine/dnnf/complete.ts';
import { dnnfCount } from '../../src/core/engine/dnnf/count.ts';
import { dnnfDomains } from '../../src/core/engine/dnnf/domains.ts';
import {
  oneHotBuild,
  oneHotChoices,
  oneHotCnf,
  oneHotValid,
  oneHotWeight,
} from '../../src/core/engine/dnnf/one-hot.ts';

describe('one-hot decision-DNNF', () => {
  it('agrees with the MDD on counts, valid domains (both modes) and optimal completions', () => {
    fc.assert(
      fc.property(
        smallModel.chain((m) =>
          fc.tuple(
            fc.constant(m),
            assignmentOf(m),
            fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 24, maxLength: 24 }),
          ),
        ),
        ([model, choices, costs]) => {
          const enc = oneHotCnf(model);
          const { circuit } = compileDnnf(enc.cnf);
          const d = compileModel(model);
          const a = oneHotChoices(enc, model, choices);
          expect(dnnfCount(circuit, a)).toBe(exactCount(d, choices));
          expect(oneHotValid(enc, dnnfDomains(circuit, a))).toEqual(validDomains(d, choices).valid);
          expect(oneHotValid(enc, dnnfDomains(circuit, a, undefined, { ownChoiceFree: true }))).toEqual(
            validDomains(d, choices, undefined, { ownChoiceFree: true }).valid,
          );
          const weight = (x: number, v: number): number => costs[(x * 4 + v) % 24] as number;
          const best = dnnfComplete(circuit, a, oneHotWeight(enc, weight));
          expect(best?.total).toBe(complete(d, choices, weight)?.total);
          if (best) {
            const build = oneHotBuild(enc, best.build);
            expect(model.constraints.every((c) => satisfies(c, build))).toBe(true);
            for (const [x, v] of choices) expect(build[x]).toBe(v);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

/**
 * The engine facade over both compiled forms: the d-DNNF it falls back to (Boolean and one-hot) answers counts, valid
 * domains (both modes) and minimal conflicts as the MDD does, on random models whose MDD bound is forced to zero.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { CompileLimitError, compileModel } from '../../src/core/engine/compile.ts';
import {
  compileAny,
  conflict,
  count,
  domains,
  formBuffers,
  formScratch,
} from '../../src/core/engine/compiled-form.ts';
import { exactCount } from '../../src/core/engine/count.ts';
import { validDomains } from '../../src/core/engine/domains.ts';
import type { Constraint, Model } from '../../src/core/engine/model.ts';
import { assignmentOf, booleanModel, smallModel } from './brute-force.ts';

/** How many compiled forms each test's runs checked, by form (a model needing no conjunction stays an MDD). */
const checked = { mdd: 0, dnnf: 0 };

function agrees(model: Model, choices: Map<number, number>): void {
  const forms = [compileAny(model, { maxWork: 0 }), compileAny(model, { dnnfAbove: 0 })];
  const d = compileModel(model);
  for (const c of forms) {
    checked[c.form]++;
    const scratch = formScratch(c);
    expect(count(c, choices)).toBe(exactCount(d, choices));
    const mdd = validDomains(d, choices);
    expect(domains(c, choices, scratch)).toEqual(mdd);
    expect(domains(c, choices, scratch, { ownChoiceFree: true })).toEqual(
      validDomains(d, choices, undefined, { ownChoiceFree: true }),
    );
    if (mdd.count > 0) continue;
    const core = new Map(conflict(c, choices));
    for (const [x, v] of core) expect(choices.get(x)).toBe(v);
    expect(exactCount(d, core)).toBe(0n);
    for (const x of core.keys()) {
      const fewer = new Map(core);
      fewer.delete(x);
      expect(exactCount(d, fewer)).toBeGreaterThan(0n);
    }
  }
}

describe('compileAny', () => {
  beforeEach(() => {
    checked.mdd = 0;
    checked.dnnf = 0;
  });
  it('falls back to the d-DNNF past the MDD bound and answers as the MDD (multi-valued, one-hot)', () => {
    fc.assert(
      fc.property(
        smallModel
          .filter((m) => m.constraints.length >= 2)
          .chain((m) => fc.tuple(fc.constant(m), assignmentOf(m))),
        ([model, choices]) => agrees(model, choices),
      ),
      { numRuns: 200 },
    );
    // About a third of these models need a conjunction step and so fall back (~70 of 200 runs).
    expect(checked.dnnf).toBeGreaterThan(40);
  });

  it('answers as the MDD on Boolean models, whether the d-DNNF is a fallback or chosen for their size', () => {
    fc.assert(
      fc.property(
        booleanModel.chain((m) => fc.tuple(fc.constant(m), assignmentOf(m))),
        ([model, choices]) => agrees(model, choices),
      ),
      { numRuns: 150 },
    );
    expect(checked.dnnf).toBeGreaterThanOrEqual(150);
  });

  it('picks the form by the rule: MDD when it fits, d-DNNF past its bound or for a large Boolean model', () => {
    const model: Model = {
      variables: ['a', 'b', 'c'].map((name) => ({ name, values: ['0', '1', '2'] })),
      constraints: [
        { id: 'ab', label: 'a < b', scope: [0, 1], rows: Int32Array.from([0, 1, 0, 2, 1, 2]) },
        { id: 'bc', label: 'b < c', scope: [1, 2], rows: Int32Array.from([0, 1, 0, 2, 1, 2]) },
      ],
    };
    expect(compileAny(model).form).toBe('mdd');
    expect(compileAny(model, { dnnfAbove: 0 }).form).toBe('mdd');
    const fallback = compileAny(model, { maxWork: 0 });
    expect(fallback).toMatchObject({ form: 'dnnf', reason: 'mdd-limit' });
    expect(count(fallback)).toBe(1n);
    const boolean: Model = {
      variables: ['a', 'b'].map((name) => ({ name, values: ['0', '1'] })),
      constraints: [{ id: 'or', label: 'a or b', scope: [0, 1], rows: Int32Array.from([1, -1, 0, 1]) }],
    };
    expect(compileAny(boolean).form).toBe('mdd');
    expect(compileAny(boolean, { dnnfAbove: 1 })).toMatchObject({ form: 'dnnf', reason: 'large-boolean' });
    expect(count(compileAny(boolean, { dnnfAbove: 1 }))).toBe(3n);
  });

  it('refuses a model too hard for both forms with one error naming both bounds', () => {
    // Pigeonhole 7 → 6 as a Boolean model: p(i,j) = pigeon i in hole j; each pigeon somewhere, no hole shared.
    const P = 7;
    const H = 6;
    const v = (i: number, j: number): number => i * H + j;
    const constraints: Constraint[] = [];
    const clause = (lits: [number, number][]) => {
      // A clause as starred rows: (l1) | (¬l1, l2) | ...
      const k = lits.length;
      const rows: number[] = [];
      lits.forEach(([, val], r) => {
        for (let i = 0; i < k; i++)
          rows.push(i < r ? 1 - (lits[i] as [number, number])[1] : i === r ? val : -1);
      });
      constraints.push({
        id: `c${constraints.length}`,
        label: '',
        scope: lits.map(([x]) => x),
        rows: Int32Array.from(rows),
      });
    };
    for (let i = 0; i < P; i++) clause(Array.from({ length: H }, (_, j): [number, number] => [v(i, j), 1]));
    for (let j = 0; j < H; j++)
      for (let i = 0; i < P; i++)
        for (let k = i + 1; k < P; k++)
          clause([
            [v(i, j), 0],
            [v(k, j), 0],
          ]);
    const model: Model = {
      variables: Array.from({ length: P * H }, (_, x) => ({ name: `p${x}`, values: ['0', '1'] })),
      constraints,
    };
    const attempt = () => compileAny(model, { maxWork: 0, dnnf: { maxDecisions: 10 } });
    expect(attempt).toThrow(CompileLimitError);
    expect(attempt).toThrow(/conjunction steps.*; as a d-DNNF: .*decisions/);
  });

  it('moves either form to another thread by its buffers, each listed once, and the moved form answers the same', () => {
    fc.assert(
      fc.property(smallModel, fc.boolean(), (model, dnnf) => {
        const c = compileAny(model, { forceDnnf: dnnf });
        const before = count(c);
        const buffers = formBuffers(c);
        expect(new Set(buffers).size).toBe(buffers.length);
        const moved = structuredClone(c, { transfer: buffers });
        expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
        expect(count(moved)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDimacs } from '../engine/import/dimacs.ts';
import type { Model } from '../engine/model.ts';
import { smallModel, solutions } from '../../../test/engine/brute-force.ts';
import { checkInstance, instanceSummarySchema, type InstanceCheckOptions } from './check-instance.ts';
import { hasErrors } from './finding.ts';

/** Random feature models as DIMACS text: up to 7 features, up to 12 clauses of 1–3 literals. */
const featureModel: fc.Arbitrary<Model> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .array(
      fc.array(
        fc.integer({ min: 1, max: n }).chain((x) => fc.constantFrom(x, -x)),
        { minLength: 1, maxLength: 3 },
      ),
      { maxLength: 12 },
    )
    .map((clauses) =>
      importDimacs([`p cnf ${n} ${clauses.length}`, ...clauses.map((c) => `${c.join(' ')} 0`)].join('\n')),
    ),
);

/** Dead values, fixed variables and dead/core features by enumerating every build. */
function bruteForce(model: Model) {
  const valid = solutions(model);
  const dead: string[] = [];
  const forced: string[] = [];
  let deadFeatures = 0;
  let coreFeatures = 0;
  if (valid.length > 0)
    model.variables.forEach((v, x) => {
      const seen = new Set(valid.map((b) => b[x]));
      v.values.forEach((value, i) => {
        if (!seen.has(i)) dead.push(`${v.name}=${value}`);
      });
      if (v.values.length > 1 && seen.size === 1) forced.push(`${v.name}=${v.values[[...seen][0] ?? 0]}`);
      if (v.values.join() !== '0,1') return;
      if (!seen.has(1)) deadFeatures++;
      if (!seen.has(0)) coreFeatures++;
    });
  return { count: String(valid.length), dead, forced, deadFeatures, coreFeatures };
}

/** Checks a model and compares everything the summary and the value findings say with brute force. */
function agrees(model: Model, options: InstanceCheckOptions): 'mdd' | 'dnnf' {
  const { summary, findings } = checkInstance('m', model, { ...options, redundancyBudgetMs: 0 });
  const expected = bruteForce(model);
  expect(instanceSummarySchema.parse(summary)).toEqual(summary);
  expect(summary.count).toBe(expected.count);
  const subjects = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.ids[0]);
  expect(subjects('dead')).toEqual(expected.dead);
  expect(subjects('forced')).toEqual(expected.forced);
  expect(summary.deadValues).toBe(expected.dead.length);
  expect(summary.fixed).toBe(expected.forced.length);
  expect([summary.deadFeatures, summary.coreFeatures]).toEqual([
    expected.deadFeatures,
    expected.coreFeatures,
  ]);
  // A void model is an error; dead values and features are warnings.
  expect(hasErrors(findings)).toBe(expected.count === '0' || findings.some((f) => f.kind === 'never-holds'));
  expect(subjects('void')).toHaveLength(expected.count === '0' ? 1 : 0);
  for (const f of findings) if (f.kind === 'dead' || f.kind === 'forced') expect(f.severity).toBe('warning');
  return summary.form;
}

describe('checkInstance against brute force', () => {
  it('feature models from DIMACS: the same dead and core features, fixed variables and count in both forms', () => {
    let voids = 0;
    fc.assert(
      fc.property(featureModel, (model) => {
        expect(agrees(model, { compile: { dnnfAbove: 0 } })).toBe('dnnf');
        expect(agrees(model, {})).toBe('mdd');
        if (solutions(model).length === 0) voids++;
      }),
      { numRuns: 300 },
    );
    // The runs saw void models too, so the error path was compared.
    expect(voids).toBeGreaterThan(0);
  }, 120_000);

  it('multi-valued models the MDD refuses (its bound at one step): dead and fixed values through the one-hot d-DNNF', () => {
    const forms = new Set<string>();
    fc.assert(
      fc.property(smallModel, (model) => {
        forms.add(agrees(model, { compile: { maxWork: 1 } }));
      }),
      { numRuns: 300 },
    );
    expect(forms.has('dnnf')).toBe(true);
  }, 120_000);
});

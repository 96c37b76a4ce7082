import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { satisfies, type Model } from '../engine/model.ts';
import { smallModel, solutions } from '../../../test/engine/brute-force.ts';
import { checkModel } from './check-model.ts';
import type { Finding } from './finding.ts';

/** Every complete build of the model's domains, valid or not. */
function box(model: Model): Int32Array[] {
  return solutions({ variables: model.variables, constraints: [] });
}

const key = (f: Pick<Finding, 'kind' | 'ids'>) => `${f.kind} ${f.kind === 'void' ? '' : (f.ids[0] ?? '')}`;

/** What each check must find, by enumerating every build. */
function bruteForce(model: Model): string[] {
  const all = box(model);
  const valid = solutions(model);
  const out: string[] = [];
  if (valid.length === 0) out.push('void ');
  model.constraints.forEach((c) => {
    const holding = all.filter((b) => satisfies(c, b)).length;
    if (holding === 0) out.push(`never-holds ${c.id}`);
    else if (holding === all.length) out.push(`always-holds ${c.id}`);
  });
  if (valid.length === 0) return out.sort();
  model.variables.forEach((v, x) => {
    const seen = new Set(valid.map((b) => b[x]));
    v.values.forEach((value, i) => {
      if (!seen.has(i)) out.push(`dead ${v.name}=${value}`);
    });
    if (v.values.length > 1 && seen.size === 1) out.push(`forced ${v.name}=${v.values[[...seen][0] ?? 0]}`);
  });
  model.constraints.forEach((c, i) => {
    const holding = all.filter((b) => satisfies(c, b)).length;
    if (holding === all.length) return;
    const without = { ...model, constraints: model.constraints.filter((_, j) => j !== i) };
    if (solutions(without).length === valid.length) out.push(`redundant ${c.id}`);
  });
  return out.sort();
}

describe('checkModel against brute force', () => {
  it('finds exactly the void, dead, forced, never/always-holding and redundant of random small models, searching or compiling', () => {
    fc.assert(
      fc.property(smallModel, (model) => {
        const generous = { redundancyBudgetMs: 60_000, explainBudgetMs: 5_000 };
        const findings = checkModel(model, generous);
        const expected = bruteForce(model);
        expect(findings.map(key).sort()).toEqual(expected);
        // The same by compiling alone, the fallback of rules whose search runs out of time.
        expect(
          checkModel(model, { ...generous, searchMs: 0 })
            .map(key)
            .sort(),
        ).toEqual(expected);
        for (const f of findings) {
          expect(f.severity).toBe(f.kind === 'void' || f.kind === 'never-holds' ? 'error' : 'warning');
          if (f.kind === 'void') {
            // A minimal conflict: together the named constraints leave no build, without any one of them some build.
            const allHold = (ids: string[]) =>
              box(model).some((b) => model.constraints.every((c) => !ids.includes(c.id) || satisfies(c, b)));
            expect(allHold(f.ids)).toBe(false);
            for (const id of f.ids) expect(allHold(f.ids.filter((x) => x !== id))).toBe(true);
          }
          if (f.kind !== 'dead' && f.kind !== 'forced') continue;
          // The constraints named with a dead value exclude it together: no build with the value satisfies them all;
          // those named with a forced value exclude every build without it.
          const [name, value] = (f.ids[0] ?? '').split('=');
          const x = model.variables.findIndex((v) => v.name === name);
          const v = model.variables[x]?.values.indexOf(value ?? '') ?? -1;
          const named = model.constraints.filter((c) => f.ids.slice(1).includes(c.id));
          const excluded = (b: ArrayLike<number>) => (b[x] === v) === (f.kind === 'dead');
          expect(box(model).some((b) => excluded(b) && named.every((c) => satisfies(c, b)))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the value, its rules and their labels in a dead finding', () => {
    const model: Model = {
      variables: [
        { name: 'a', values: ['x', 'y'] },
        { name: 'b', values: ['p', 'q'] },
      ],
      constraints: [{ id: 'only-x', label: 'a must be x', scope: [0], rows: Int32Array.from([0]) }],
    };
    const dead = checkModel(model).filter((f) => f.kind === 'dead');
    expect(dead).toEqual([
      {
        kind: 'dead',
        severity: 'warning',
        ids: ['a=y', 'only-x'],
        message: 'a=y is dead: no valid build has it (excluded by only-x)',
        explanation: ['a must be x'],
      },
    ]);
  });
});

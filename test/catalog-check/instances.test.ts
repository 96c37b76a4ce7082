/**
 * The anomaly checks at real scale (issue 18 §11), on the public instances (BENCH_DATA): Megane-113's four known
 * dead values, and on BR4CP medium and big every dead and forced value, checked against the valid domains of the
 * bench's search baseline (no diagram code) and the counts of the engine README.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { searchBaseline } from '../../bench/engine-baseline-search.ts';
import { checkModel } from '../../src/core/catalog-check/index.ts';
import { compileModel } from '../../src/core/engine/compile.ts';
import { valueOffsets } from '../../src/core/engine/domains.ts';
import { importXcsp } from '../../src/core/engine/import/xcsp.ts';
import type { Model } from '../../src/core/engine/model.ts';
import { satisfiable } from '../../src/core/engine/satisfiable.ts';
import { benchFile } from '../fixtures/bench-data.ts';
import { describeBenchData } from '../fixtures/describe-bench-data.ts';

/** Dead and forced values (`Var=value`) from valid domains computed by search, without the diagram. */
function bySearch(model: Model): { dead: string[]; forced: string[]; possible: number } {
  const valid = searchBaseline(model)(new Map());
  if (!valid) throw new Error('the search baseline gave up');
  const off = valueOffsets(model);
  const dead: string[] = [];
  const forced: string[] = [];
  model.variables.forEach((v, x) => {
    const alive = v.values.filter((_, i) => valid[(off[x] as number) + i] === 1);
    for (const value of v.values) if (!alive.includes(value)) dead.push(`${v.name}=${value}`);
    if (v.values.length > 1 && alive.length === 1) forced.push(`${v.name}=${alive[0] ?? ''}`);
  });
  return { dead, forced, possible: valid.reduce((a, b) => a + b, 0) };
}

function check(file: string) {
  const model = importXcsp(readFileSync(benchFile(file), 'utf8'));
  // Redundancy recompiles per rule: not what these tests are about, so no budget for it.
  const findings = checkModel(model, { diagram: compileModel(model), redundancyBudgetMs: 0 });
  const subjects = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.ids[0] ?? '');
  return { model, findings, dead: subjects('dead'), forced: subjects('forced') };
}

describeBenchData('anomaly checks on the public instances', () => {
  it('Renault Megane-113: exactly the four known dead values, each with the rules that exclude it', () => {
    const { model, findings, dead, forced } = check('renault-megane/renault-megane-113.xml');
    expect(dead).toEqual(['Var8=CPLG', 'Var55=CRIT2RHENF', 'Var80=CRIT4X25KI', 'Var100=CRIT731']);
    const ids = new Set(model.constraints.map((c) => c.id));
    for (const f of findings.filter((x) => x.kind === 'dead')) {
      expect(f.ids.length).toBeGreaterThan(1);
      for (const rule of f.ids.slice(1)) expect(ids.has(rule)).toBe(true);
      // The named rules alone exclude the value: no assignment satisfies them with it (a complete search).
      const [name, value] = (f.ids[0] ?? '').split('=');
      const x = model.variables.findIndex((v) => v.name === name);
      const v = model.variables[x]?.values.indexOf(value ?? '') ?? -1;
      const named = model.constraints.flatMap((c, i) => (f.ids.includes(c.id) ? [i] : []));
      expect(satisfiable(model, named, new Map([[x, v]]))).toBe(false);
      expect(f.explanation).toHaveLength(f.ids.length - 1);
    }
    expect(forced).toEqual(bySearch(model).forced);
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
  }, 120_000);

  it('BR4CP medium: every dead and forced value, as search finds them (421 of 426 values possible)', () => {
    const { model, dead, forced } = check('renault-br4cp/medium.xml');
    const expected = bySearch(model);
    expect(dead).toEqual(expected.dead);
    expect(forced).toEqual(expected.forced);
    expect([expected.possible, 426 - dead.length]).toEqual([421, 421]);
  }, 120_000);

  it('BR4CP big: every dead and forced value, as search finds them (all 1,273 values possible)', () => {
    const { model, dead, forced } = check('renault-br4cp/big.xml');
    const expected = bySearch(model);
    expect(dead).toEqual(expected.dead);
    expect(forced).toEqual(expected.forced);
    expect([expected.possible, dead.length]).toEqual([1273, 0]);
  }, 300_000);
});

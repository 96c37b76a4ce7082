/**
 * catalog:check's figures for automotive01 (issue 20): 2,513 features, too many for the MDD, so checked on the d-DNNF.
 * The count is the one the engine README gives (equal digit for digit to ddnnife's for the same model); the bench-data
 * README gives no dead or core figures, so a sample of them is confirmed by search (no compiled form involved).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkInstance } from '../../src/core/catalog-check/index.ts';
import { importDimacs } from '../../src/core/engine/import/dimacs.ts';
import { satisfiable } from '../../src/core/engine/satisfiable.ts';
import { benchFile } from '../fixtures/bench-data.ts';
import { describeBenchData } from '../fixtures/describe-bench-data.ts';

const COUNT =
  '54337953889526644797436357304783500234473556203012469981705794070419609376066883019863858681556047971579366711252721976681982553481954710208375451836305175948768348959659511355551303323044387225600000000000000000000000';

describeBenchData('catalog:check on automotive01', () => {
  it('185 dead and 94 core features of 2,513 on the d-DNNF, warnings only; sampled ones confirmed by search', () => {
    const model = importDimacs(readFileSync(benchFile('automotive01/automotive01.dimacs'), 'utf8'));
    const { summary, findings } = checkInstance('automotive01.dimacs', model);
    expect(summary).toMatchObject({
      form: 'dnnf',
      reason: 'large-boolean',
      count: COUNT,
      variables: 2513,
      features: 2513,
      deadFeatures: 185,
      coreFeatures: 94,
      deadValues: 279,
      fixed: 279,
    });
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    const dead = findings.filter((f) => f.kind === 'dead').map((f) => f.ids[0] ?? '');
    expect(dead.filter((id) => id.endsWith('=1'))).toHaveLength(185);
    expect(findings.filter((f) => f.kind === 'forced')).toHaveLength(279);
    // One search can take seconds here (all 279 run for minutes), so a sample: dead and core features, free ones both ways.
    const all = model.constraints.map((_, i) => i);
    const index = new Map(model.variables.map((v, x) => [v.name, x]));
    const at = (id: string): [number, number] => {
      const [name = '', value] = id.split('=');
      return [index.get(name) ?? -1, Number(value)];
    };
    const deadFeature = dead.filter((id) => id.endsWith('=1')).slice(0, 3);
    const coreFeature = dead.filter((id) => id.endsWith('=0')).slice(0, 3);
    for (const id of [...deadFeature, ...coreFeature])
      expect(satisfiable(model, all, new Map([at(id)])), id).toBe(false);
    const fixed = new Set(dead.map((id) => at(id)[0]));
    const free = model.variables.map((_, x) => x).filter((x) => !fixed.has(x));
    for (const x of free.slice(0, 2))
      for (const v of [0, 1]) expect(satisfiable(model, all, new Map([[x, v]]))).toBe(true);
  }, 120_000);
});

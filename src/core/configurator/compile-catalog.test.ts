import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateCatalog, indexCatalog, type Build } from '../catalog/index.ts';
import { priceBuild } from '../pricing/index.ts';
import { validateModel } from '../engine/model.ts';
import { compileCatalog } from './compile-catalog.ts';
import { buildToAssignment, solutionCost, solutionToBuild } from './build-mapping.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { allSolutions, validBuilds } from '../../../test/fixtures/brute-force.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';

const key = (b: Build) =>
  JSON.stringify(
    Object.entries(b)
      .sort(([a], [c]) => a.localeCompare(c))
      .map(([s, o]) => [s, Object.entries(o).sort(([a], [c]) => a.localeCompare(c))]),
  );

describe('compileCatalog', () => {
  const catalog = validateCatalog(miniCatalog(), 'mini.json');
  const cm = compileCatalog(catalog);

  it('produces a valid model whose solutions are exactly the valid builds, each once', () => {
    validateModel(cm.model);
    const expected = validBuilds(catalog).map(key).sort();
    const solutions = [...allSolutions(cm.model)].map((s) => key(solutionToBuild(cm, s)));
    expect(solutions.length).toBe(expected.length);
    expect(solutions.sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
  });

  it('prices every solution exactly as priceBuild does', () => {
    const index = indexCatalog(catalog);
    for (const s of allSolutions(cm.model))
      expect(solutionCost(cm, s)).toBe(priceBuild(index, solutionToBuild(cm, s)).totalCents);
  });

  it('maps a partial build to an assignment and refuses unknown names', () => {
    const a = buildToAssignment(cm, { cpu: { 'cpu-amd': 1 }, disk: { 'ssd-1tb': 2 } });
    expect(
      [...a.entries()].map(([v, x]) => [cm.model.variables[v]?.name, cm.model.variables[v]?.values[x]]),
    ).toEqual([
      ['cpu', 'cpu-amd'],
      ['disk/ssd-1tb', '2'],
    ]);
    expect(() => buildToAssignment(cm, { cooler: { x: 1 } })).toThrow('unknown slot "cooler"');
    expect(() => buildToAssignment(cm, { cpu: { 'gpu-4070': 1 } })).toThrow(
      '"gpu-4070" is not an option of slot "cpu"',
    );
    expect(() => buildToAssignment(cm, { disk: { 'ssd-1tb': 3 } })).toThrow('out of range');
  });
});

describe('compileCatalog on random catalogs', () => {
  it('has exactly the valid builds as solutions, priced as priceBuild prices them', () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const cm = compileCatalog(catalog);
        validateModel(cm.model);
        const index = indexCatalog(catalog);
        const expected = validBuilds(catalog).map(key).sort();
        const solutions = [...allSolutions(cm.model)];
        expect(solutions.map((s) => key(solutionToBuild(cm, s))).sort()).toEqual(expected);
        for (const s of solutions)
          expect(solutionCost(cm, s)).toBe(priceBuild(index, solutionToBuild(cm, s)).totalCents);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateCatalog } from '../catalog/index.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validBuilds } from '../../../test/fixtures/brute-force.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { solutionToBuild } from './build-mapping.ts';
import { compileCatalog } from './compile-catalog.ts';
import { soldBuildsOf } from './sold-builds.ts';

describe('sold builds as recommender rows', () => {
  it('every valid build becomes one row per sale that reads back as the same build', () => {
    fc.assert(
      fc.property(
        arbitraryCatalog.chain((catalog) => {
          const valid = validBuilds(catalog);
          return fc.record({
            catalog: fc.constant(catalog),
            sales: fc.array(
              fc.record({
                build: fc.constantFrom(...(valid.length ? valid : [{}])),
                count: fc.integer({ min: 1, max: 3 }),
              }),
              { maxLength: 6 },
            ),
            any: fc.constant(valid.length > 0),
          });
        }),
        ({ catalog, sales, any }) => {
          fc.pre(any);
          const cm = compileCatalog(catalog);
          const { builds, skipped } = soldBuildsOf(
            cm,
            sales.map((s) => ({ selections: s.build, count: s.count })),
          );
          expect(skipped).toBe(0);
          expect(builds.count).toBe(sales.reduce((n, s) => n + s.count, 0));
          const n = builds.variables.length;
          let row = 0;
          for (const sale of sales)
            for (let k = 0; k < sale.count; k++, row++) {
              const values = new Int32Array(cm.model.variables.length);
              builds.variables.forEach((x, j) => (values[x] = builds.rows[row * n + j] as number));
              expect(solutionToBuild(cm, values)).toEqual(sale.build);
            }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skips and counts configurations the compiled catalog cannot read or that leave a required choice open', () => {
    const cm = compileCatalog(validateCatalog(miniCatalog(), 'mini.json'));
    const good = { cpu: { 'cpu-amd': 1 }, board: { 'mb-b650': 1 }, psu: { 'psu-450': 1 } };
    const { builds, skipped } = soldBuildsOf(cm, [
      { selections: good, count: 2 },
      { selections: { ...good, cpu: { 'cpu-withdrawn': 1 } }, count: 5 },
      { selections: { cpu: { 'cpu-amd': 1 } }, count: 1 },
    ]);
    expect(skipped).toBe(2);
    expect(builds.count).toBe(2);
    // The optional GPU left empty is "none" (value 0), the multi-slot options not taken are quantity 0.
    const gpu = cm.slots.find((s) => s.slot.id === 'gpu');
    const gpuColumn = [...builds.variables].indexOf(gpu && gpu.kind !== 'multi' ? gpu.choice : -1);
    expect(gpuColumn).toBeGreaterThanOrEqual(0);
    expect(builds.rows[gpuColumn]).toBe(0);
  });
});

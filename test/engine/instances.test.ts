/**
 * The engine on the public instances (BENCH_DATA, read at run time, never copied): exact counts and dead
 * values from its README, and real BR4CP sold cars replayed as click sequences (sales-replay.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compileModel } from '../../src/core/engine/compile.ts';
import { exactCount } from '../../src/core/engine/count.ts';
import type { Diagram } from '../../src/core/engine/diagram.ts';
import { validDomains } from '../../src/core/engine/domains.ts';
import { importXcsp } from '../../src/core/engine/import/xcsp.ts';
import { benchFile } from '../fixtures/bench-data.ts';
import { describeBenchData } from '../fixtures/describe-bench-data.ts';
import { replaySales } from './sales-replay.ts';

const read = (file: string): string => readFileSync(benchFile(file), 'utf8');
// Each instance is compiled once per file run (big takes seconds), by whichever test needs it first.
const compiled = new Map<string, Diagram>();
const load = (file: string): Diagram => {
  let d = compiled.get(file);
  if (d === undefined) compiled.set(file, (d = compileModel(importXcsp(read(file)))));
  return d;
};

function deadValues(d: Diagram): string[] {
  const r = validDomains(d, new Map());
  return d.model.variables.flatMap((v, x) =>
    v.values
      .filter((_, i) => r.valid[(r.valueOffset[x] as number) + i] === 0)
      .map((val) => `${v.name}=${val}`),
  );
}

describeBenchData('real instances', () => {
  it('Renault Megane-113: 2,835,456,006,272 cars and exactly the 4 dead values', () => {
    const d = load('renault-megane/renault-megane-113.xml');
    expect(exactCount(d)).toBe(2835456006272n);
    expect(deadValues(d)).toEqual(['Var8=CPLG', 'Var55=CRIT2RHENF', 'Var80=CRIT4X25KI', 'Var100=CRIT731']);
  });

  it('BR4CP medium: 278,744 builds, 421 of 426 values possible', () => {
    const d = load('renault-br4cp/medium.xml');
    expect(exactCount(d)).toBe(278744n);
    expect(426 - deadValues(d).length).toBe(421);
  });

  it('PC: 2,729,160 builds, 135 of 384 values possible, same in the intension and table forms', () => {
    for (const f of ['pc-clib/pc-clib.xml', 'pc-clib/pc-clib-tables.xml']) {
      const d = load(f);
      expect(exactCount(d)).toBe(2729160n);
      expect(384 - deadValues(d).length).toBe(135);
    }
  });

  it('BR4CP big: exactly 24,566,537,954,855,761,920,000 builds, all 1,273 values possible', () => {
    const d = load('renault-br4cp/big.xml');
    expect(exactCount(d)).toBe(24566537954855761920000n);
    expect(deadValues(d)).toEqual([]);
  }, 300_000);
});

describeBenchData('real sold cars replayed in shuffled order', () => {
  it('BR4CP medium, 200 cars: every shown value completes to a checked build, the next choice is always shown', () => {
    const d = load('renault-br4cp/medium.xml');
    const r = replaySales(d, read('renault-br4cp/config_medium_filtered.txt'), 200, 12345);
    expect(r.problems).toEqual([]);
    expect([r.cars, r.clicks]).toEqual([200, 200 * 44]);
  }, 300_000);

  it('BR4CP big, 20 cars: every shown value completes to a checked build, the next choice is always shown', () => {
    const d = load('renault-br4cp/big.xml');
    const r = replaySales(d, read('renault-br4cp/config_big_filtered.txt'), 20, 54321);
    expect(r.problems).toEqual([]);
    expect([r.cars, r.clicks]).toEqual([20, 20 * 87]);
  }, 300_000);
});

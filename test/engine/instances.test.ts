/**
 * The engine on the real benchmarks of ../shared/bench-data (read at run time, never copied): exact counts and dead
 * values from its README, and real BR4CP sold cars replayed as click sequences.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/core/engine/compile.ts';
import { complete } from '../../src/core/engine/complete.ts';
import { exactCount } from '../../src/core/engine/count.ts';
import type { Diagram } from '../../src/core/engine/diagram.ts';
import { validDomains } from '../../src/core/engine/domains.ts';
import { importXcsp } from '../../src/core/engine/import/xcsp.ts';
import { indexModel, satisfies, toAssignment } from '../../src/core/engine/model.ts';

const DATA = fileURLToPath(new URL('../../../shared/bench-data/', import.meta.url));
const present = existsSync(DATA);
if (!present) console.warn(`bench data not found at ${DATA}: real-instance tests skipped`);
const load = (file: string): Diagram => compileModel(importXcsp(readFileSync(DATA + file, 'utf8')));

function deadValues(d: Diagram): string[] {
  const r = validDomains(d, new Map());
  return d.model.variables.flatMap((v, x) =>
    v.values
      .filter((_, i) => r.valid[(r.valueOffset[x] as number) + i] === 0)
      .map((val) => `${v.name}=${val}`),
  );
}

describe.skipIf(!present)('real instances', () => {
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
  }, 60_000);

  it('BR4CP medium sales replayed in shuffled order: shown values complete, next choice always shown', () => {
    const d = load('renault-br4cp/medium.xml');
    const model = d.model;
    const index = indexModel(model);
    const lines = readFileSync(DATA + 'renault-br4cp/config_medium_filtered.txt', 'utf8')
      .trim()
      .split('\n');
    const names = (lines[0] as string).trim().split(/\s+/);
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const line of [lines[1], lines[400], lines[4000], lines[8000]]) {
      const car = (line as string).trim().split(/\s+/);
      const picks = names.map((n, i) => [n, car[i] as string] as const);
      for (let i = picks.length - 1; i > 0; i--) {
        const j = rand(i + 1);
        [picks[i], picks[j]] = [picks[j] as (typeof picks)[number], picks[i] as (typeof picks)[number]];
      }
      const a = new Map<number, number>();
      for (const pick of picks) {
        const [[x, v]] = [...toAssignment(index, [pick])] as [[number, number]];
        const r = validDomains(d, a);
        expect(r.valid[(r.valueOffset[x] as number) + v], `${pick[0]}=${pick[1]} shown`).toBe(1);
        a.set(x, v);
        const after = validDomains(d, a);
        for (let y = 0; y < model.variables.length; y++) {
          for (let w = 0; w < (model.variables[y] as { values: readonly string[] }).values.length; w++) {
            if (!after.valid[(after.valueOffset[y] as number) + w]) continue;
            const c = complete(d, new Map([...a, [y, w]]), () => 0);
            expect(c).not.toBeNull();
            const build = c?.build as Int32Array;
            expect(model.constraints.every((k) => satisfies(k, build))).toBe(true);
          }
        }
      }
    }
  }, 60_000);
});

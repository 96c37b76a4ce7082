/**
 * Replays sold cars of a BR4CP sales file as click sequences (each car's choices in shuffled order) and checks, after
 * every click, the two promises of backtrack-free configuration:
 * - the car's next choice is shown as available;
 * - every shown value is completable: `complete` (complete.ts) extends the choices with it, and the build is checked
 *   against every constraint with `satisfies`, independently of the diagram.
 *
 * A checked build is a witness for every value it contains under every assignment it extends, so builds are pooled
 * across clicks and cars; a completion is asked for only for a shown value that no pooled build covers, weighted
 * to agree with the car's own choices (so it survives the car's later clicks) and to cover other uncovered values.
 */
import { complete } from '../../src/core/engine/complete.ts';
import type { Diagram } from '../../src/core/engine/diagram.ts';
import { domainsScratch, validDomains } from '../../src/core/engine/domains.ts';
import { indexModel, satisfies, toAssignment } from '../../src/core/engine/model.ts';

export interface ReplayReport {
  cars: number;
  clicks: number;
  completions: number;
  /** What went wrong, in words (empty when every promise held). */
  problems: string[];
}

/** Replays `cars` distinct sold cars, drawn and shuffled by a generator seeded with `seed`. */
export function replaySales(d: Diagram, salesText: string, cars: number, seed: number): ReplayReport {
  const model = d.model;
  const index = indexModel(model);
  const lines = salesText.trim().split('\n');
  const names = (lines[0] as string).trim().split(/\s+/);
  let s = seed;
  const rand = (n: number): number => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const drawn = new Set<number>();
  while (drawn.size < Math.min(cars, lines.length - 1)) drawn.add(1 + rand(lines.length - 1));

  const scratch = domainsScratch(d);
  const name = (x: number, v: number): string =>
    `${model.variables[x]?.name}=${model.variables[x]?.values[v]}`;
  const pool: Int32Array[] = [];
  const report: ReplayReport = { cars: drawn.size, clicks: 0, completions: 0, problems: [] };
  const fail = (line: number, click: number, what: string): void => {
    if (report.problems.length < 20) report.problems.push(`car on line ${line + 1}, click ${click}: ${what}`);
  };

  for (const line of drawn) {
    const car = (lines[line] as string).trim().split(/\s+/);
    const target = toAssignment(
      index,
      names.map((n, i) => [n, car[i] as string] as const),
    );
    const picks = [...target];
    for (let i = picks.length - 1; i > 0; i--) {
      const j = rand(i + 1);
      [picks[i], picks[j]] = [picks[j] as [number, number], picks[i] as [number, number]];
    }
    const a = new Map<number, number>();
    let shown = validDomains(d, a, scratch);
    for (const [click, [x, v]] of picks.entries()) {
      report.clicks++;
      const off = shown.valueOffset;
      if (!shown.valid[(off[x] as number) + v]) fail(line, click, `next choice ${name(x, v)} is not shown`);
      a.set(x, v);
      shown = validDomains(d, a, scratch);
      const covered = new Uint8Array(shown.valid.length);
      const cover = (b: Int32Array): void => b.forEach((val, y) => (covered[(off[y] as number) + val] = 1));
      const choices = [...a];
      for (const b of pool) if (choices.every(([y, w]) => b[y] === w)) cover(b);
      let y = 0;
      for (let g = 0; g < shown.valid.length; g++) {
        if (!shown.valid[g] || covered[g]) continue;
        while ((off[y + 1] as number) <= g) y++;
        const w = g - (off[y] as number);
        const weights = Float64Array.from(covered, (c) => (c ? 0 : -1));
        for (const [tx, tv] of target) weights[(off[tx] as number) + tv] = -1000;
        report.completions++;
        const c = complete(
          d,
          new Map([...a, [y, w]]),
          (vx, vv) => weights[(off[vx] as number) + vv] as number,
        );
        if (c === null) {
          fail(line, click, `shown value ${name(y, w)} has no completion`);
          covered[g] = 1;
          continue;
        }
        const broken = model.constraints.find((k) => !satisfies(k, c.build));
        if (broken) fail(line, click, `completion with ${name(y, w)} breaks ${broken.id}`);
        else if (c.build[y] !== w || choices.some(([cx, cv]) => c.build[cx] !== cv))
          fail(line, click, `completion with ${name(y, w)} does not keep the choices`);
        else {
          pool.push(c.build);
          cover(c.build);
        }
        covered[g] = 1;
      }
    }
  }
  return report;
}

/**
 * `npm run engine` as a script sees it, on both compiled forms: a model the MDD cannot hold (automotive01) and a
 * small DIMACS whose MDD bound is forced down (ENGINE_MAX_WORK) so the d-DNNF fallback answers, against brute force.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importDimacs } from '../../src/core/engine/import/dimacs.ts';
import { benchFile } from '../fixtures/bench-data.ts';
import { describeBenchData } from '../fixtures/describe-bench-data.ts';
import { extendsAssignment, solutions } from './brute-force.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'engine-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/engine.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A fixed random 3-CNF: 10 variables, 18 clauses of 2–3 literals (satisfiable, with some forced values). */
function smallCnf(): string {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const lines = ['p cnf 10 18'];
  for (let c = 0; c < 18; c++) {
    const vars = new Set<number>();
    const k = 2 + rand(2);
    while (vars.size < k) vars.add(1 + rand(10));
    lines.push(`${[...vars].map((x) => (rand(2) ? x : -x)).join(' ')} 0`);
  }
  return `${lines.join('\n')}\n`;
}

describe('engine CLI, d-DNNF fallback when the MDD exceeds its bound', () => {
  const text = smallCnf();
  const instance = file('small.cnf', text);
  const model = importDimacs(text);
  const builds = solutions(model);
  const forced = { ENGINE_MAX_WORK: '1' };
  const named = (a: Map<number, number>) =>
    Object.fromEntries([...a].map(([x, v]) => [model.variables[x]?.name, model.variables[x]?.values[v]]));
  // Assignments from none to four choices, and one with no valid build (the conflict line).
  const assignments: Map<number, number>[] = [
    new Map(),
    new Map([[0, 1]]),
    new Map([
      [2, 0],
      [5, 1],
    ]),
    new Map([
      [1, 1],
      [3, 0],
      [7, 1],
      [9, 0],
    ]),
  ];
  const dead = [...Array(10).keys()]
    .flatMap((x) => [0, 1].map((v) => new Map([[x, v]])))
    .flatMap((a) => [...Array(10).keys()].map((y) => new Map(a).set(y, 0)))
    .find((a) => a.size === 2 && !builds.some((b) => extendsAssignment(b, a)));

  it('has a non-trivial space and an inconsistent pair of choices to test with', () => {
    expect(builds.length).toBeGreaterThan(1);
    expect(builds.length).toBeLessThan(1024);
    expect(dead).toBeDefined();
  });

  it('counts exactly, with and without choices', () => {
    for (const a of assignments.slice(0, 3)) {
      const assign = Object.entries(named(a))
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const r = cli(forced, 'count', '--instance', instance, '--assign', assign);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe(String(builds.filter((b) => extendsAssignment(b, a)).length));
    }
  });

  it('answers valid domains per query as brute force does, and a minimal conflict when there is no build', () => {
    const queries = [...assignments, dead as Map<number, number>];
    const q = file('queries.jsonl', queries.map((a) => JSON.stringify({ assign: named(a) })).join('\n'));
    const r = cli(forced, 'domains', '--instance', instance, '--queries', q);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { valid: Record<string, string[]> | null; conflict?: string[] });
    expect(lines).toHaveLength(queries.length);
    queries.forEach((a, i) => {
      const line = lines[i] as (typeof lines)[number];
      const ext = builds.filter((b) => extendsAssignment(b, a));
      if (ext.length === 0) {
        expect(line.valid).toBeNull();
        const chosen = new Map(
          (line.conflict ?? []).map((s) => {
            const [name, value] = s.split('=');
            const x = model.variables.findIndex((v) => v.name === name);
            return [x, model.variables[x]?.values.indexOf(value as string) ?? -1] as [number, number];
          }),
        );
        expect(chosen.size).toBeGreaterThan(0);
        for (const [x, v] of chosen) expect(a.get(x)).toBe(v);
        expect(builds.some((b) => extendsAssignment(b, chosen))).toBe(false);
        for (const x of chosen.keys()) {
          const fewer = new Map(chosen);
          fewer.delete(x);
          expect(builds.some((b) => extendsAssignment(b, fewer))).toBe(true);
        }
        return;
      }
      const expected = Object.fromEntries(
        model.variables.map((v, x) => [v.name, v.values.filter((_, j) => ext.some((b) => b[x] === j))]),
      );
      expect(line.valid).toEqual(expected);
    });
  });

  // A value the four-choice assignment excludes (x's own choice aside), for explain and repair.
  const four = assignments[3] as Map<number, number>;
  const excluded = [...Array(10).keys()]
    .flatMap((x) => [0, 1].map((v): [number, number] => [x, v]))
    .find(([x, v]) => {
      const others = new Map(four);
      others.delete(x);
      return (
        builds.some((b) => extendsAssignment(b, others)) &&
        !builds.some((b) => extendsAssignment(b, new Map(others).set(x, v)))
      );
    });
  const assign = Object.entries(named(four))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

  it('explains an excluded value on the d-DNNF form exactly as on the MDD: the same minimal choices and rules', () => {
    const [x, v] = excluded as [number, number];
    const value = `${model.variables[x]?.name}=${v}`;
    const args = ['explain', '--instance', instance, '--assign', assign, '--value', value];
    const dnnf = cli(forced, ...args);
    expect(dnnf.stderr).toBe('');
    expect(dnnf.status).toBe(0);
    const got = JSON.parse(dnnf.stdout) as { available: boolean; choices: string[]; rulesMinimal: boolean };
    expect(got).toMatchObject({ value, available: false, rulesMinimal: true });
    expect(got.choices.length).toBeGreaterThan(0);
    expect(got).toEqual(JSON.parse(cli({}, ...args).stdout));
  });

  it('repairs on the d-DNNF form: each fix completes with the value, and the fixes are as small as the MDD ones', () => {
    const [x, v] = excluded as [number, number];
    const value = `${model.variables[x]?.name}=${v}`;
    const args = ['repair', '--instance', instance, '--assign', assign, '--value', value];
    const dnnf = cli(forced, ...args);
    expect(dnnf.stderr).toBe('');
    expect(dnnf.status).toBe(0);
    type Fix = { changes: { variable: string; from: string; to: string }[] };
    const got = (JSON.parse(dnnf.stdout) as { repairs: Fix[] }).repairs;
    const mdd = (JSON.parse(cli({}, ...args).stdout) as { repairs: Fix[] }).repairs;
    expect(got.length).toBeGreaterThan(0);
    expect(got.map((r) => r.changes.length)).toEqual(mdd.map((r) => r.changes.length));
    for (const r of got) {
      const fixed = new Map(four).set(x, v);
      for (const c of r.changes) {
        const y = model.variables.findIndex((w) => w.name === c.variable);
        expect(four.get(y)).toBe(Number(c.from));
        fixed.set(y, Number(c.to));
      }
      expect(builds.some((b) => extendsAssignment(b, fixed))).toBe(true);
    }
  });
});

describeBenchData('engine CLI on automotive01 (d-DNNF)', () => {
  const instance = benchFile('automotive01/automotive01.dimacs');

  it('prints the exact count, the one ddnnife asserts for auto1.cnf', () => {
    const r = cli({}, 'count', '--instance', instance);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      '54337953889526644797436357304783500234473556203012469981705794070419609376066883019863858681556047971579366711252721976681982553481954710208375451836305175948768348959659511355551303323044387225600000000000000000000000',
    );
  });

  it('answers valid domains under a choice, which then holds its chosen value only', () => {
    const r = cli({}, 'domains', '--instance', instance, '--assign', 'N_100300__F_100332=1');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const valid = JSON.parse(r.stdout) as Record<string, string[]>;
    expect(Object.keys(valid)).toHaveLength(2513);
    expect(valid.N_100300__F_100332).toEqual(['1']);
    expect(Object.values(valid).every((vs) => vs.length > 0)).toBe(true);
  });

  it('explains a value the choice excludes by that choice, and repairs it by changing that choice', () => {
    const choice = 'N_100300__F_100332=1';
    const free = JSON.parse(cli({}, 'domains', '--instance', instance).stdout) as Record<string, string[]>;
    const under = JSON.parse(cli({}, 'domains', '--instance', instance, '--assign', choice).stdout) as Record<
      string,
      string[]
    >;
    // Values of other variables that the choice takes away (its own other value stays available to switch to).
    const lost = Object.entries(free)
      .filter(([name]) => name !== 'N_100300__F_100332')
      .flatMap(([name, values]) =>
        values.filter((v) => !under[name]?.includes(v)).map((v) => `${name}=${v}`),
      );
    expect(lost.length).toBeGreaterThan(0);
    const value = lost[0] as string;
    const explained = cli({}, 'explain', '--instance', instance, '--assign', choice, '--value', value);
    expect(explained.stderr).toBe('');
    expect(JSON.parse(explained.stdout)).toMatchObject({ value, available: false, choices: [choice] });
    const repaired = cli({}, 'repair', '--instance', instance, '--assign', choice, '--value', value);
    expect(repaired.stderr).toBe('');
    const { repairs } = JSON.parse(repaired.stdout) as { repairs: { changes: object[] }[] };
    expect(repairs[0]?.changes).toEqual([{ variable: 'N_100300__F_100332', from: '1', to: '0' }]);
  });
});

/** `npm run catalog:check` on engine instances (issue 20): DIMACS files and folders, in either compiled form. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findingSchema, instanceSummarySchema } from '../../src/core/catalog-check/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'catalog-check-instances-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/catalog-check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);

/** Feature 1 core (a unit clause), 2 dead (1 excludes it), 3 free: two valid configurations. */
const features = 'c 1 engine\nc 2 sunroof\nc 3 radio\np cnf 3 2\n1 0\n-1 -2 0\n';

describe('catalog:check on engine instances', () => {
  // A bound of no compile step makes the MDD give up, so the d-DNNF answers: both forms through the CLI.
  it.each([
    ['mdd', {}],
    ['dnnf', { ENGINE_MAX_WORK: '0' }],
  ])(
    'a feature model (%s): summary line, then the dead and core feature as warnings, exit 0',
    (form, env) => {
      const path = file('features.dimacs', features);
      const r = cli(env, path, '--json');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const [summary, ...findings] = jsonLines(r.stdout);
      expect(instanceSummarySchema.parse(summary)).toMatchObject({
        instance: 'features.dimacs',
        form,
        count: '2',
        features: 3,
        deadFeatures: 1,
        coreFeatures: 1,
        deadValues: 2,
        fixed: 2,
      });
      const parsed = findings.map((f) => findingSchema.parse(f));
      expect(
        parsed.filter((f) => f.kind === 'dead' || f.kind === 'forced').map((f) => [f.kind, f.ids[0]]),
      ).toEqual([
        ['dead', 'engine=0'],
        ['forced', 'engine=1'],
        ['dead', 'sunroof=1'],
        ['forced', 'sunroof=0'],
      ]);
      expect(parsed.every((f) => f.severity === 'warning')).toBe(true);
      const text = cli(env, path);
      expect(text.stdout).toMatch(/^features\.dimacs: 0 error\(s\), \d+ warning\(s\)$/m);
      expect(text.stdout).toContain(
        '2 valid build(s); 2 dead value(s), 2 fixed variable(s) of 3; 1 dead and 1 core feature(s) of 3',
      );
    },
    120_000,
  );

  it('exits 1 on a void model, 2 on a malformed one; a folder checks its .cnf and .dimacs files', () => {
    const dnnf = { ENGINE_MAX_WORK: '0' };
    const r = cli(dnnf, file('void/void.cnf', 'p cnf 2 2\n1 0\n-1 0\n'), '--json');
    expect(r.status).toBe(1);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ form: 'dnnf', count: '0', deadValues: 0 });
    expect(jsonLines(r.stdout)).toContainEqual(expect.objectContaining({ kind: 'void', severity: 'error' }));
    expect(cli(dnnf, file('bad/bad.cnf', 'p cnf 1 1\n2 0\n')).status).toBe(2);
    file('both/a.cnf', features);
    file('both/b.dimacs', 'p cnf 1 0\n');
    const both = cli({}, join(dir, 'both'));
    expect(both.status).toBe(0);
    expect(both.stdout).toMatch(/^a\.cnf: 0 error\(s\)/m);
    expect(both.stdout).toMatch(
      /^b\.dimacs: 0 error\(s\), 0 warning\(s\)\n {2}MDD, compiled in \d+ ms; 2 valid build\(s\)/m,
    );
  }, 120_000);
});

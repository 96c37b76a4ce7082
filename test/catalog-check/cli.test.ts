/** `npm run catalog:check` as CI and scripts see it: exit 0/1/2, text by default, one JSON finding per line. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findingSchema } from '../../src/core/catalog-check/index.ts';
import { miniCatalog } from '../fixtures/mini-catalog.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'catalog-check-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => cliWith({}, ...args);
const cliWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/catalog-check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
const file = (name: string, value: unknown): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A mini catalog whose only rule can never hold: nothing can be built. */
function voidCatalog() {
  const raw = miniCatalog();
  const cpus = raw.slots[0]?.options.map((o) => o.id) ?? [];
  return {
    ...raw,
    rules: [
      {
        id: 'no-cpu',
        kind: 'requires',
        when: [{ slot: 'cpu', anyOf: cpus }],
        then: { slot: 'gpu', empty: true },
      },
      {
        id: 'needs-gpu',
        kind: 'requires',
        when: [{ slot: 'cpu', anyOf: cpus }],
        then: { slot: 'gpu', empty: false },
      },
    ],
  };
}

describe('catalog:check', () => {
  // The car's redundant rules are found by recompiling without each: on the d-DNNF that check is left out, and said.
  it('checks a catalog past the MDD bound on its d-DNNF and says which checks that leaves out', () => {
    const onDiagram = cli('configs/catalogs/car.json');
    expect(onDiagram.stdout).toContain('warning redundant:');
    expect(onDiagram.stdout).not.toContain('d-DNNF');
    const onCircuit = cliWith({ ENGINE_MAX_WORK: '1' }, 'configs/catalogs/car.json');
    expect(onCircuit.status).toBe(0);
    expect(onCircuit.stdout).toContain(
      'd-DNNF (the MDD passed its bound): slot quantities and redundant rules are not checked',
    );
    expect(onCircuit.stdout).not.toContain('redundant:');
  });

  it('passes the shipped catalogs (warnings allowed) and prints a summary per catalog', () => {
    const r = cli('configs/catalogs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^car\.json: 0 error\(s\), \d+ warning\(s\)$/m);
    expect(r.stdout).toMatch(/^pc\.json: 0 error\(s\), \d+ warning\(s\)$/m);
  }, 120_000);

  it('--json: one finding per line with exactly kind, severity, ids and message', () => {
    const r = cli('configs/catalogs/car.json', '--json');
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['kind', 'severity', 'ids', 'message']);
      expect(findingSchema.safeParse(line).success).toBe(true);
    }
  }, 120_000);

  it('exits 1 on a catalog with an error, naming it in the findings', () => {
    const r = cli(file('void/void.json', voidCatalog()), '--json');
    expect(r.status).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'void', severity: 'error' }));
    const ok = cli(file('ok/mini.json', miniCatalog()));
    expect(ok.status).toBe(0);
  }, 120_000);

  it('checks an XCSP instance: the dead value and the table that excludes it', () => {
    const xml = `<instance format="XCSP3" type="CSP">
<variables><var id="a" type="symbolic"> x y </var><var id="b" type="symbolic"> p q </var></variables>
<constraints><extension id="only-x"><list> a </list><supports> x </supports></extension></constraints>
</instance>`;
    const r = cli(file('tiny.xml', xml), '--json');
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toContainEqual({
      kind: 'dead',
      severity: 'warning',
      ids: ['a=y', 'only-x'],
      message: 'a=y is dead: no valid build has it (excluded by only-x)',
    });
  }, 120_000);

  it('exits 2 on input it cannot check, naming the JSON path of a schema problem', () => {
    const raw = miniCatalog();
    const broken = { ...raw, slots: [{ ...raw.slots[0], kind: 'several' }, ...raw.slots.slice(1)] };
    const bad = cli(file('bad/bad.json', broken));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('$.slots[0].kind');
    expect(cli(file('bad/syntax.json', '{"format": 1,')).status).toBe(2);
    expect(cli(file('bad/notes.txt', 'hello')).status).toBe(2);
    expect(cli(join(dir, 'missing.json')).status).toBe(2);
    expect(cli().status).toBe(2);
  }, 120_000);
});

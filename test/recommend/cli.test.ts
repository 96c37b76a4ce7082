/** The recommend CLI as a script sees it: one JSON line per query, and bad input named by file and line (exit 2). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { benchFile } from '../fixtures/bench-data.ts';
import { describeBenchData } from '../fixtures/describe-bench-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'recommend-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/recommend.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describeBenchData('recommend CLI on BR4CP medium', () => {
  const instance = benchFile('renault-br4cp/medium.xml');
  const sales = readFileSync(benchFile('renault-br4cp/config_medium_filtered.txt'), 'utf8')
    .trim()
    .split('\n');
  const train = file('train.txt', `${sales.slice(0, 1500).join('\n')}\n`);

  it('answers every query with a valid ranked value and never reads the answers', () => {
    const queries = file(
      'q.jsonl',
      [
        '{"assign":{},"variable":"v18"}',
        '{"assign":{"v1":"2","v2":"11"},"variable":"v14"}',
        '',
        '{"assign":{"v14":"3","v18":"4"},"variable":"v18"}',
      ].join('\n'),
    );
    const r = cli('predict', '--instance', instance, '--train', train, '--queries', queries);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { value: string; ranked: string[] });
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['value', 'ranked']);
      expect(l.ranked[0]).toBe(l.value);
      expect(new Set(l.ranked).size).toBe(l.ranked.length);
    }
  });

  it('names the file and line of bad input and exits 2', () => {
    const queries = file(
      'bad.jsonl',
      '{"assign":{},"variable":"v18"}\n{"assign":{"v1":"99"},"variable":"v18"}\n',
    );
    const q = cli('predict', '--instance', instance, '--train', train, '--queries', queries);
    expect(q.status).toBe(2);
    expect(q.stderr).toBe(`recommend: ${queries} line 2: unknown value 99 for variable v1\n`);
    const badTrain = file('bad-train.txt', `${sales[0]}\n${sales[1]}\n1 2 3\n`);
    const t = cli('eval', '--instance', instance, '--train', badTrain, '--test', train, '--seed', '1');
    expect(t.status).toBe(2);
    expect(t.stderr).toBe(`recommend: ${badTrain} line 3: expected 44 values, found 3\n`);
    const s = cli('eval', '--instance', instance, '--train', train, '--test', train);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/^recommend: --seed is required/);
  });
});

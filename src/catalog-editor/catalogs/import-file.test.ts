import { describe, expect, it } from 'vitest';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { readCatalogFile } from './import-file.ts';

describe('readCatalogFile', () => {
  it('gives the file as written when it is a valid catalog of this id', () => {
    const text = JSON.stringify(miniCatalog());
    expect(readCatalogFile(text, 'mini.json', 'mini')).toEqual({ ok: true, document: JSON.parse(text) });
  });

  it('names every problem by its JSON path', () => {
    const bad = miniCatalog();
    bad.slots = bad.slots.map((slot, i) => (i === 0 ? { ...slot, group: 'nowhere' } : slot));
    bad.version = 'v2';
    const read = readCatalogFile(JSON.stringify(bad), 'mini.json', 'mini');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path)).toContain('$.version');
  });

  it('refuses a reference problem, broken JSON, and another catalog', () => {
    const bad = miniCatalog();
    bad.slots = bad.slots.map((slot, i) => (i === 0 ? { ...slot, group: 'nowhere' } : slot));
    const ref = readCatalogFile(JSON.stringify(bad), 'mini.json', 'mini');
    expect(ref).toEqual({
      ok: false,
      problems: [{ path: '$.slots[0].group', message: 'unknown group "nowhere"' }],
    });
    const broken = readCatalogFile('{"format": 1,', 'mini.json', 'mini');
    expect(broken.ok || broken.problems[0]?.path).toBe('$');
    const other = readCatalogFile(JSON.stringify(miniCatalog()), 'mini.json', 'pc');
    expect(other.ok || other.problems[0]?.path).toBe('$.id');
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/core/catalog/index.ts';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { miniPc, tempCatalogDir, tinyCar, type TempDir } from './fixtures.ts';

let temp: TempDir | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

async function loadError(files: Record<string, unknown>): Promise<CatalogError> {
  temp = await tempCatalogDir(files);
  const error: unknown = await loadCatalogRegistry(temp.dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CatalogError)) throw new Error(`expected a CatalogError, got ${String(error)}`);
  return error;
}

describe('loadCatalogRegistry', () => {
  it('loads every *.json in the directory, keyed by id, in id order', async () => {
    temp = await tempCatalogDir({ 'b.json': miniPc, 'a.json': tinyCar, 'notes.txt': 'not a catalog' });
    const registry = await loadCatalogRegistry(temp.dir);
    expect(registry.list().map((e) => e.catalog.id)).toEqual(['mini-pc', 'tiny-car']);
    expect(registry.get('mini-pc')?.catalog.version).toBe('2026.11.0');
    expect(registry.get('mini-pc')?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(registry.get('nope')).toBeUndefined();
  });

  it('gives the same hash whatever the file formatting', async () => {
    temp = await tempCatalogDir({ 'pretty.json': miniPc });
    const pretty = await loadCatalogRegistry(temp.dir);
    await temp.remove();
    temp = await tempCatalogDir({ 'compact.json': JSON.stringify(miniPc) });
    const compact = await loadCatalogRegistry(temp.dir);
    expect(compact.get('mini-pc')?.hash).toBe(pretty.get('mini-pc')?.hash);
  });

  it('is empty for a directory without catalogs', async () => {
    temp = await tempCatalogDir({});
    expect((await loadCatalogRegistry(temp.dir)).list()).toEqual([]);
  });

  it('throws a CatalogError naming the file and the JSON path of a schema problem', async () => {
    const broken = { ...miniPc, slots: [{ ...miniPc.slots[0], kind: 'several' }] };
    const error = await loadError({ 'good.json': tinyCar, 'broken.json': broken });
    expect(error.file).toMatch(/broken\.json$/);
    expect(error.problems).toContainEqual(expect.objectContaining({ path: '$.slots[0].kind' }));
    expect(error.message).toContain('broken.json');
    expect(error.message).toContain('$.slots[0].kind');
  });

  it('throws a CatalogError with line and column for invalid JSON', async () => {
    const error = await loadError({ 'syntax.json': '{\n  "format": 1,\n  oops\n}' });
    expect(error.file).toMatch(/syntax\.json$/);
    expect(error.problems[0]?.message).toMatch(/line 3/);
  });

  it("takes each catalog's translations from texts/<catalog>.<language>.json", async () => {
    temp = await tempCatalogDir({
      'mini.json': miniPc,
      'texts/mini-pc.de.json': { groups: { core: 'Kern' }, options: { 'wifi-7': { name: 'WLAN 7' } } },
    });
    const catalog = (await loadCatalogRegistry(temp.dir)).get('mini-pc')?.catalog;
    expect(catalog?.translations?.de?.options?.['wifi-7']?.name).toBe('WLAN 7');
    expect(catalog?.translations?.zh).toBeUndefined();
  });

  it('refuses a translation of something the catalog lacks, naming the texts file and the path', async () => {
    const error = await loadError({
      'mini.json': miniPc,
      'texts/mini-pc.zh.json': { options: { 'wifi-8': { name: 'Wi-Fi 8' } } },
    });
    expect(error.file).toMatch(/texts\/mini-pc\.zh\.json$/);
    expect(error.problems).toEqual([
      { path: '$.options["wifi-8"]', message: 'the catalog has no options "wifi-8"' },
    ]);
  });

  it('refuses a texts file for no catalog or no supported language', async () => {
    const error = await loadError({ 'mini.json': miniPc, 'texts/mini-pc.fr.json': {} });
    expect(error.file).toMatch(/mini-pc\.fr\.json$/);
  });

  it('throws a CatalogError when two files declare the same catalog id', async () => {
    const error = await loadError({ 'a.json': miniPc, 'b.json': { ...miniPc, name: 'Copy' } });
    expect(error.file).toMatch(/b\.json$/);
    expect(error.problems[0]).toEqual({ path: '$.id', message: expect.stringContaining('a.json') });
  });
});

describe("the project's catalogs", () => {
  const dir = 'configs/catalogs';
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];

  // These files are what `npm start` serves; a broken one would stop the server, so fail here first.
  it.skipIf(files.length === 0)('load without problems, one catalog per file', async () => {
    const registry = await loadCatalogRegistry(dir);
    expect(registry.list()).toHaveLength(files.length);
    for (const { catalog } of registry.list()) expect(catalog.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });
});

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalogResponseSchema } from '../../src/contract/index.ts';
import { testDatabases } from './databases.ts';
import { signInStaff, useApp } from './harness.ts';
import { publishEditedPc } from './quote-fixtures.ts';

describe.each(testDatabases)('GET /api/catalogs/:id from its cache on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const get = (url: string, headers: Record<string, string> = {}) =>
    h().app.inject({ method: 'GET', url, headers });

  test('sends the same public JSON plain, gzipped and in brotli, each with its own strong ETag', async () => {
    const plain = await get('/api/catalogs/pc');
    const zipped = await get('/api/catalogs/pc', { 'accept-encoding': 'gzip' });
    const br = await get('/api/catalogs/pc', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect([plain.statusCode, zipped.statusCode, br.statusCode]).toEqual([200, 200, 200]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    const json = plain.rawPayload.toString('utf8');
    // What the schema-checked serializer sent before: costs stay out.
    expect(JSON.parse(json)).toEqual(catalogResponseSchema.parse(JSON.parse(json)));
    expect(json).not.toContain('"cost"');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(json);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(json);
    expect(br.rawPayload.length).toBeLessThan(zipped.rawPayload.length);
    expect(zipped.rawPayload.length).toBeLessThan(json.length / 3);
    expect(plain.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(zipped.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-gzip"'));
    expect(br.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-br"'));
    for (const res of [plain, zipped, br]) {
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  test('keeps its ETag across requests and answers it with an empty 304', async () => {
    const first = await get('/api/catalogs/car', { 'accept-encoding': 'gzip' });
    const again = await get('/api/catalogs/car', { 'accept-encoding': 'gzip' });
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    const etag = String(first.headers.etag);
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('/api/catalogs/car', { 'accept-encoding': 'gzip', 'if-none-match': tag });
      expect(res.statusCode).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      // A Content-Length here would make clients wait for a body that never comes.
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.headers.etag).toBe(etag);
    }
    const other = await get('/api/catalogs/pc', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
  });

  test('has a new ETag and body once another version is published, and the old one back after rollback', async () => {
    const { app, db, clock } = h();
    const before = await get('/api/catalogs/pc', { 'accept-encoding': 'gzip' });
    const etag = String(before.headers.etag);
    const cara = await signInStaff(app, db, 'catalog');
    const next = await publishEditedPc(app, cara, clock, (pc) => {
      pc.name = 'PC, renamed';
    });
    const after = await get('/api/catalogs/pc', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const catalog = catalogResponseSchema.parse(JSON.parse(gunzipSync(after.rawPayload).toString('utf8')));
    expect([catalog.version, catalog.name]).toEqual([next, 'PC, renamed']);

    const rolledBack = await app.inject({
      method: 'POST',
      url: '/api/catalog-admin/catalogs/pc/rollback',
      headers: { cookie: cara },
      payload: { version: next },
    });
    expect(rolledBack.statusCode, rolledBack.body).toBe(200);
    const back = await get('/api/catalogs/pc', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(back.statusCode).toBe(304);
  });

  test('is 404 for a catalog that does not exist', async () => {
    expect((await get('/api/catalogs/boat', { 'accept-encoding': 'gzip' })).statusCode).toBe(404);
  });
});

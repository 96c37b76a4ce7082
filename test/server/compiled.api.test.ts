import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalogResponseSchema, errorResponseSchema } from '../../src/contract/index.ts';
import { configurationFromBinary } from '../../src/core/configurator/compiled-binary.ts';
import {
  compileConfiguration,
  type CompiledConfiguration,
} from '../../src/core/configurator/configurator.ts';
import type { Diagram } from '../../src/core/engine/diagram.ts';
import { testDatabases } from './databases.ts';
import { useApp } from './harness.ts';

const arrays = (d: Diagram | undefined) =>
  d ? [d.order, d.nodeLevel, d.edgeStart, d.edgeValue, d.edgeChild].map((a) => a.join()).join(' | ') : '';

describe.each(testDatabases)('compiled catalogs on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  const h = useApp(database);
  const get = (url: string, headers: Record<string, string> = {}) =>
    h().app.inject({ method: 'GET', url, headers });

  /** The catalog as the browser has it: through the public schema (no costs), translations and all. */
  async function browserCatalog(id: string) {
    return catalogResponseSchema.parse((await get(`/api/catalogs/${id}`)).json());
  }

  test('reads, against the catalog a browser gets, as the diagram compiled there', async () => {
    for (const id of ['car', 'pc']) {
      const res = await get(`/api/catalogs/${id}/compiled`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['content-encoding']).toBeUndefined();
      const catalog = await browserCatalog(id);
      const read = configurationFromBinary(catalog, res.rawPayload);
      // The PC's own compile takes a second or two here; the engine's tests compare both catalogs' arrays.
      const diagramOf = ({ form }: CompiledConfiguration) => (form.form === 'mdd' ? form.diagram : undefined);
      expect(read.form.form).toBe('mdd');
      if (id === 'car')
        expect(arrays(diagramOf(read))).toEqual(arrays(diagramOf(compileConfiguration(catalog))));
      else expect(diagramOf(read)?.terminal).toBeGreaterThan(10_000);
    }
  });

  test('is sent gzipped to browsers that accept it, each representation with its own ETag', async () => {
    const plain = await get('/api/catalogs/car/compiled');
    const zipped = await get('/api/catalogs/car/compiled', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(plain.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(zipped.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-gzip"'));
    const refused = await get('/api/catalogs/car/compiled', { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  test('answers a request naming its ETag with 304 and no body, and is revalidated on every use', async () => {
    const first = await get('/api/catalogs/car/compiled', { 'accept-encoding': 'gzip' });
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    for (const tag of [etag, `W/${etag}`, etag.replace('-gzip"', '"'), `"other", ${etag}`, '*']) {
      const again = await get('/api/catalogs/car/compiled', {
        'accept-encoding': 'gzip',
        'if-none-match': tag,
      });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    const stale = await get('/api/catalogs/car/compiled', { 'if-none-match': '"an-older-version"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.length).toBeGreaterThan(0);
  });

  test('is 404 for a catalog that does not exist, 400 for a malformed id', async () => {
    const res = await get('/api/catalogs/boat/compiled');
    expect(res.statusCode).toBe(404);
    const { error } = errorResponseSchema.parse(res.json());
    expect(error.code).toBe('catalog_not_found');
    expect(error.message).toContain('Known catalogs: car, pc');
    expect((await get('/api/catalogs/Not%20An%20Id/compiled')).statusCode).toBe(400);
  });
});

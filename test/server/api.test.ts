import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../src/contract/errors.schema.ts';
import { buildApp, type AppDeps } from '../../src/server/app.ts';
import type { CompiledCatalogs } from '../../src/server/catalogs/compiled.ts';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { openMigratedSqlite, type OpenStore } from './databases.ts';
import { miniPc, tempCatalogDir, tinyCar, type TempDir } from './fixtures.ts';

let opened: OpenStore;
let catalogsDir: TempDir;
let app: FastifyInstance | undefined;

async function start(overrides: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  app = await buildApp({
    db: opened.store.db,
    dialect: opened.store.dialect,
    catalogs: await loadCatalogRegistry(catalogsDir.dir),
    ...overrides,
  });
  return app;
}

beforeEach(async () => {
  opened = await openMigratedSqlite();
  catalogsDir = await tempCatalogDir({ 'pc.json': miniPc, 'car.json': tinyCar });
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await opened.close();
  await catalogsDir.remove();
});

/** Asserts the one error shape of the API and returns its inner object. */
function errorOf(body: string) {
  return errorResponseSchema.parse(JSON.parse(body)).error;
}

describe('GET /api/health', () => {
  it('answers ok after a round trip to the store', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'sqlite', catalogs: 2 });
  });
});

describe('GET /api/catalogs', () => {
  it('lists the catalogs of the configs directory with counts', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/catalogs' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: 'mini-pc',
        name: 'Mini PC',
        description: 'A small test PC',
        version: '2026.11.0',
        currency: 'EUR',
        slotCount: 3,
        optionCount: 5,
      },
      {
        id: 'tiny-car',
        name: 'Tiny Car',
        description: 'A small test car',
        version: '2026.11.2',
        currency: 'GBP',
        slotCount: 1,
        optionCount: 3,
      },
    ]);
  });

  it("carries each catalog's name and description in the languages its texts files give them", async () => {
    await catalogsDir.remove();
    catalogsDir = await tempCatalogDir({
      'pc.json': miniPc,
      'car.json': tinyCar,
      'texts/mini-pc.de.json': { catalog: { name: 'Mini-PC' }, groups: { core: 'Kern' } },
      'texts/mini-pc.zh.json': { catalog: { name: '迷你电脑', description: '一台小型测试电脑' } },
    });
    const res = await (await start()).inject({ method: 'GET', url: '/api/catalogs' });
    const [pc, car] = res.json<{ translations?: unknown }[]>();
    expect(pc?.translations).toEqual({
      de: { catalog: { name: 'Mini-PC' } },
      zh: { catalog: { name: '迷你电脑', description: '一台小型测试电脑' } },
    });
    expect(car).not.toHaveProperty('translations');
  });
});

describe('GET /api/catalogs/:id', () => {
  it('returns the full catalog with defaults filled in and without option costs', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/catalogs/mini-pc' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      id: string;
      rules: unknown[];
      packages: unknown[];
      slots: { options: object[] }[];
    }>();
    expect(body.id).toBe('mini-pc');
    expect(body.rules).toHaveLength(1);
    expect(body.packages).toEqual([]);
    expect(body.slots[0]?.options[0]).toMatchObject({ id: 'ryzen-5', price: 200, maxQuantity: 1 });
    expect(res.body).not.toContain('"cost"');
  });

  it('answers an unknown id with a 404 naming the known catalogs', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/catalogs/boat' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const error = errorOf(res.body);
    expect(error.code).toBe('catalog_not_found');
    expect(error.message).toContain('"boat"');
    expect(error.message).toContain('mini-pc, tiny-car');
  });

  it('answers a malformed id with a 400 naming the zod path', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/catalogs/Not%20An%20Id' });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'params.id', message: expect.stringContaining('lower-case') }]);
  });
});

describe('errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.body)).toEqual({ code: 'not_found', message: 'No route GET /api/nothing' });
  });

  it('answers a server fault with a generic 500, keeping the detail out of the reply', async () => {
    const broken: CompiledCatalogs = {
      get: () => Promise.reject(new Error('secret internal detail')),
      warm: () => undefined,
      close: () => Promise.resolve(),
    };
    const res = await (
      await start({ compiled: broken })
    ).inject({ method: 'GET', url: '/api/catalogs/mini-pc/compiled' });
    expect(res.statusCode).toBe(500);
    expect(errorOf(res.body)).toEqual({ code: 'internal', message: 'Internal server error' });
    expect(res.body).not.toContain('secret');
  });
});

describe('the built client', () => {
  let clientDir: string;
  beforeEach(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'client-'));
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Configurator</title>');
    await writeFile(join(clientDir, 'app.js'), 'console.log(1)');
  });
  afterEach(() => rm(clientDir, { recursive: true, force: true }));

  it('is served, with index.html for client-side routes but JSON 404s under /api', async () => {
    const server = await start({ staticDir: clientDir });
    const page = await server.inject({ method: 'GET', url: '/customer/builds/42' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Configurator</title>');
    expect((await server.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
    const api = await server.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(errorOf(api.body).code).toBe('not_found');
    expect((await server.inject({ method: 'POST', url: '/customer' })).statusCode).toBe(404);
  });

  it('is sent gzip-compressed to browsers that accept it, and as it is to those that do not', async () => {
    const script = `export const parts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `part-${i}`))};`;
    await writeFile(join(clientDir, 'big.js'), script);
    const server = await start({
      staticDir: clientDir,
      catalogs: await loadCatalogRegistry('configs/catalogs'),
    });
    const gzipped = await server.inject({
      method: 'GET',
      url: '/big.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload.length).toBeLessThan(script.length / 3);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await server.inject({ method: 'GET', url: '/big.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    // API answers too, above a kilobyte (the full PC catalog).
    const catalog = await server.inject({
      method: 'GET',
      url: '/api/catalogs/pc',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(catalog.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(catalog.rawPayload).toString())).toMatchObject({ id: 'pc' });
  });
});

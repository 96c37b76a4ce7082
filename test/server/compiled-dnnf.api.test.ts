import { describe, expect, it } from 'vitest';
import { draftCheckResponseSchema, draftSchema } from '../../src/contract/catalog-admin.schema.ts';
import { catalogResponseSchema } from '../../src/contract/index.ts';
import { validateCatalog } from '../../src/core/catalog/index.ts';
import { checkCatalog } from '../../src/core/catalog-check/index.ts';
import { configurationFromBinary } from '../../src/core/configurator/compiled-binary.ts';
import { Configurator } from '../../src/core/configurator/configurator.ts';
import { engineOptionsFromEnv } from '../../src/server/catalogs/engine-options.ts';
import { testDatabases } from './databases.ts';
import { signInStaff, useApp } from './harness.ts';

describe('the engine bound from the environment', () => {
  it('is ENGINE_MAX_WORK, the default when unset or empty, refused when not a count', () => {
    expect(engineOptionsFromEnv({ ENGINE_MAX_WORK: '1' })).toEqual({ mddMaxWork: 1 });
    expect(engineOptionsFromEnv({ ENGINE_MAX_WORK: '' })).toEqual({ mddMaxWork: 200_000_000 });
    expect(engineOptionsFromEnv({})).toEqual({ mddMaxWork: 200_000_000 });
    expect(() => engineOptionsFromEnv({ ENGINE_MAX_WORK: 'lots' })).toThrow();
    expect(() => engineOptionsFromEnv({ ENGINE_MAX_WORK: '-1' })).toThrow();
  });
});

describe.each(testDatabases)('a catalog past the MDD bound, on $label', (database) => {
  const test = it.skipIf(database.skip !== undefined);
  // The car's diagram takes a few thousand steps: with a bound of 1 the server compiles it as a d-DNNF.
  const h = useApp(database, { engine: { mddMaxWork: 1 } });

  test('is served as a d-DNNF ("DNNB"), which a browser reads into a configurator that counts as the MDD does', async () => {
    const res = await h().app.inject({ method: 'GET', url: '/api/catalogs/car/compiled' });
    expect(res.statusCode).toBe(200);
    expect(new TextDecoder().decode(res.rawPayload.subarray(0, 4))).toBe('DNNB');
    const catalog = catalogResponseSchema.parse(
      (await h().app.inject({ method: 'GET', url: '/api/catalogs/car' })).json(),
    );
    const read = configurationFromBinary(catalog, res.rawPayload);
    expect(read.form.form).toBe('dnnf');
    const served = new Configurator(catalog, read);
    const here = new Configurator(catalog);
    expect(here.form.form).toBe('mdd');
    expect(served.countExact({})).toBe(here.countExact({}));
    expect(served.countExact({})).toBeGreaterThan(1_000_000n);
  });

  test("is checked in the catalog editor on its d-DNNF: the diagram's build count and findings, but the two only the diagram gives", async () => {
    const { app, db, clock } = h();
    const jar = await signInStaff(app, db, 'catalog', 'Cara Lindqvist');
    // A minute after the catalog files were recorded: "now" is then a later moment than their effective date.
    clock.now = new Date(Date.parse('2026-11-20T12:01:00.000Z'));
    const call = (method: 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers: { cookie: jar }, ...(payload ? { payload } : {}) });
    const created = await call('POST', '/api/catalog-admin/catalogs/car/drafts', {
      title: 'Checked as a d-DNNF',
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = draftSchema.parse(created.json());
    // Matte paints already need the Style trim: wanting the Essential one too leaves matte graphite in no build. A
    // copy of that rule is redundant, which only the diagram's check (a recompile per rule) tells.
    const document = structuredClone(draft.document) as {
      rules: Array<{ id: string } & Record<string, unknown>>;
    };
    const matteTrim = document.rules.find((r) => r.id === 'matte-trim');
    document.rules.push(
      { ...matteTrim, id: 'matte-trim-again' },
      {
        id: 'matte-essential',
        kind: 'requires',
        when: [{ slot: 'paint', option: 'paint-matte-graphite' }],
        then: { slot: 'trim', anyOf: ['trim-essential'] },
      },
    );
    const saved = await call('PUT', `/api/catalog-admin/drafts/${draft.id}`, { baseRevision: 1, document });
    expect(saved.statusCode, saved.body).toBe(200);
    const checked = draftCheckResponseSchema.parse(
      (await call('POST', `/api/catalog-admin/drafts/${draft.id}/check`)).json(),
    );
    expect(checked.form).toBe('dnnf');
    const catalog = validateCatalog(document, 'car');
    expect(checked.buildCount).toBe(new Configurator(catalog).countExact({}).toString());
    const onDiagram = checkCatalog(catalog);
    const diagramOnly = new Set(['quantity-unreachable', 'redundant']);
    const engineKinds = (kinds: typeof onDiagram) =>
      kinds.filter((f) => f.kind !== 'missing-price' && f.kind !== 'missing-translation');
    expect(engineKinds(checked.findings)).toEqual(
      engineKinds(onDiagram).filter((f) => !diagramOnly.has(f.kind)),
    );
    expect(onDiagram.map((f) => f.kind)).toContain('redundant');
    expect(checked.findings).toContainEqual(
      expect.objectContaining({
        kind: 'dead',
        ids: ['paint-matte-graphite', 'matte-trim', 'matte-essential'],
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { catalogResponseSchema } from '../../src/contract/index.ts';
import { configurationFromBinary } from '../../src/core/configurator/compiled-binary.ts';
import { Configurator } from '../../src/core/configurator/configurator.ts';
import { compiledCatalogs, compilerInThread } from '../../src/server/catalogs/compiled.ts';
import { engineOptionsFromEnv } from '../../src/server/catalogs/engine-options.ts';
import { testDatabases } from './databases.ts';
import { useApp } from './harness.ts';

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
  const h = useApp(database, { compiled: compiledCatalogs(compilerInThread({ mddMaxWork: 1 })) });

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
});

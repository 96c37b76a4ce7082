import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCatalog, validateCatalog } from '../../src/core/catalog/index.ts';
import { compileCatalog } from '../../src/core/configurator/compile-catalog.ts';
import { modelDigest } from '../fixtures/model-digest.ts';
import { miniCatalog } from '../fixtures/mini-catalog.ts';
import { arbitraryCatalog } from '../fixtures/arbitrary-catalog.ts';

/**
 * The catalog compiler must keep producing the very same model: the compiled form's bytes carry the model's
 * fingerprint (compiled-binary.ts), and explanations name its tables. The digests were taken from the compiler as
 * it stood before it was split into one compiler per rule kind (issue 18 §10); a deliberate change of the model
 * regenerates them and bumps what the compiled form depends on.
 */
const expected = JSON.parse(
  readFileSync(new URL('../fixtures/catalog-model-digests.json', import.meta.url), 'utf8'),
) as {
  car: Record<string, string>;
  pc: Record<string, string>;
  mini: Record<string, string>;
  random: string[];
};

describe('the compiled model stays byte-identical', () => {
  it.each(['car', 'pc'] as const)('for the shipped catalog %s', (name) => {
    const path = `configs/catalogs/${name}.json`;
    const catalog = parseCatalog(readFileSync(path, 'utf8'), path);
    expect(modelDigest(compileCatalog(catalog))).toEqual(expected[name]);
  });

  it('for the mini catalog and 100 seeded random catalogs (every rule kind)', () => {
    expect(modelDigest(compileCatalog(validateCatalog(miniCatalog(), 'mini.json')))).toEqual(expected.mini);
    const random = fc
      .sample(arbitraryCatalog, { seed: 18, numRuns: 100 })
      .map((c) => Object.values(modelDigest(compileCatalog(c))).join(''));
    expect(random).toEqual(expected.random);
  });
});

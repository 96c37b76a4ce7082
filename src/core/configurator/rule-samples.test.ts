import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import pcFile from '../../../configs/catalogs/pc.json';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validateCatalog } from '../catalog/index.ts';
import { Configurator } from './configurator.ts';
import { ruleSamples } from './rule-samples.ts';

describe('ruleSamples', () => {
  const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
  const configurator = new Configurator(pc);

  it('finds, on the PC catalog, where the socket rule alone refuses a processor', () => {
    const rule = pc.rules.find((r) => r.id === 'cpu-socket');
    if (!rule) throw new Error('pc.json has no cpu-socket rule');
    const samples = ruleSamples(configurator, rule, 6, Infinity);
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) {
      expect(configurator.isComplete(s.build)).toBe(true);
      expect(s.explanation.rules.map((r) => r.id)).toEqual(['cpu-socket']);
      expect(['cpu', 'motherboard']).toContain(s.slot);
    }
    expect(new Set(samples.map((s) => s.option)).size).toBe(samples.length);
  });

  it('on random catalogs: every sample is a valid build refusing its option for this rule alone', () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const c = new Configurator(catalog);
        for (const rule of catalog.rules)
          for (const s of ruleSamples(c, rule, 6, Infinity)) {
            expect(c.isComplete(s.build)).toBe(true);
            // The shopper cannot take the option into the build: the configurator refuses it.
            expect(c.choose(s.build, s.slot, s.option)).toBeNull();
            expect(s.explanation.rules.map((r) => r.id)).toEqual([rule.id]);
          }
      }),
      { numRuns: 60 },
    );
  });
});

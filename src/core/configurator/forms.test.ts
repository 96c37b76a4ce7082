import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import carFile from '../../../configs/catalogs/car.json';
import pcFile from '../../../configs/catalogs/pc.json';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validateCatalog, type Build, type Catalog } from '../catalog/index.ts';
import { priceBuild } from '../pricing/index.ts';
import { BuildMappingError } from './build-mapping.ts';
import { compileConfiguration, Configurator, type ConfigurationState } from './configurator.ts';

/**
 * The configurator page's queries answer the same whichever compiled form holds the catalog: the MDD, or the
 * d-DNNF a catalog past the MDD's bound gets (here forced). A random shopper clicks through the catalog; after every
 * click both forms must show the same options, quantities and counts; every unavailable option must get the same
 * explanation choices (valid: they exclude it, and each is needed), repairs of the same size that work, and
 * completions of the same price that are complete valid builds.
 */

/** A state without its float count (the forms round huge counts differently; the exact count is compared). */
const shown = (s: ConfigurationState) => ({ ...s, count: 0 });

/** The build of an explanation's choices. */
function buildOf(choices: ReadonlyArray<{ slot: string; option: string; quantity?: number }>): Build {
  const build: Build = {};
  for (const c of choices) build[c.slot] = { ...build[c.slot], [c.option]: c.quantity ?? 1 };
  return build;
}

/** The build without one option (and its slot when it was the only one). */
function without(build: Build, slot: string, option: string): Build {
  const rest = Object.fromEntries(Object.entries(build[slot] ?? {}).filter(([o]) => o !== option));
  const out = Object.fromEntries(Object.entries(build).filter(([s]) => s !== slot));
  return Object.keys(rest).length > 0 ? { ...out, [slot]: rest } : out;
}

/** Whether the configurator takes `build` as a (partial) build at all. */
function isBuild(c: Configurator, build: Build): boolean {
  try {
    c.state(build);
    return true;
  } catch (error) {
    if (error instanceof BuildMappingError) return false;
    throw error;
  }
}

/** Whether the option shows as available under the build. */
const available = (c: Configurator, build: Build, slot: string, option: string) =>
  c
    .state(build)
    .slots.find((s) => s.slot === slot)
    ?.options.find((o) => o.id === option)?.available;

/** Compares the two forms on one build; returns the unavailable options it checked. */
function compareAt(mdd: Configurator, dnnf: Configurator, build: Build, everyReason: boolean): number {
  const state = mdd.state(build);
  expect(shown(dnnf.state(build))).toEqual(shown(state));
  expect(dnnf.countExact(build)).toBe(mdd.countExact(build));
  expect(dnnf.isComplete(build)).toBe(mdd.isComplete(build));
  const cheapest = [mdd.complete(build), dnnf.complete(build)];
  for (const done of cheapest) {
    expect(done).not.toBeNull();
    expect(mdd.isComplete(done as Build)).toBe(true);
  }
  const price = (b: Build | null) => priceBuild(mdd.compiled.index, b ?? {}).totalCents;
  expect(price(cheapest[1] as Build)).toBe(price(cheapest[0] as Build));
  let checked = 0;
  for (const slot of state.slots)
    for (const option of slot.options) {
      if (option.available || (!everyReason && checked >= 3)) continue;
      checked++;
      const [e, f] = [mdd.explain(build, slot.slot, option.id), dnnf.explain(build, slot.slot, option.id)];
      expect(f?.choices).toEqual(e?.choices);
      expect(f?.minimal).toBe(true);
      const because = buildOf(f?.choices ?? []);
      // The choices of a slot with a minimum quantity need not be a build on their own (2 of 2 wanted, 1 named):
      // those explanations are held to the MDD's choices above only.
      if (isBuild(mdd, because)) {
        expect(available(mdd, because, slot.slot, option.id)).toBe(false);
        for (const c of f?.choices ?? [])
          expect(available(mdd, without(because, c.slot, c.option), slot.slot, option.id)).toBe(true);
      }
      const [r, s] = [mdd.repairs(build, slot.slot, option.id), dnnf.repairs(build, slot.slot, option.id)];
      expect(s.length).toBe(r.length);
      // Equally good repairs may come in another order (a quantity raised and an option switched are both one
      // change of the model): below the three asked for, both forms found all of them, the same builds.
      const builds = (fixes: typeof r) => fixes.map((fix) => JSON.stringify(fix.build)).sort();
      if (r.length < 3) expect(builds(s)).toEqual(builds(r));
      for (const fix of s) {
        expect(mdd.countExact(fix.build)).toBeGreaterThan(0n);
        expect(fix.build[slot.slot]?.[option.id]).toBeGreaterThan(0);
      }
    }
  return checked;
}

/** A shopper's clicks: an available option at random, now and then one taken back. */
function walk(mdd: Configurator, dnnf: Configurator, seed: number, clicks: number, everyReason: boolean) {
  let random = seed;
  const next = (n: number) => {
    random = (Math.imul(random, 1103515245) + 12345) >>> 0;
    return random % n;
  };
  let build: Build = {};
  let reasons = 0;
  for (let i = 0; i < clicks; i++) {
    reasons += compareAt(mdd, dnnf, build, everyReason);
    const state = mdd.state(build);
    const chosen = Object.entries(build).flatMap(([slot, o]) =>
      Object.keys(o).map((option) => ({ slot, option })),
    );
    if (chosen.length > 0 && next(6) === 0) {
      const { slot, option } = chosen[next(chosen.length)] as { slot: string; option: string };
      build = mdd.remove(build, slot, option);
      continue;
    }
    const open = state.slots.flatMap((s) =>
      s.options.filter((o) => o.available && build[s.slot]?.[o.id] === undefined).map((o) => ({ s, o })),
    );
    if (open.length === 0) break;
    const { s, o } = open[next(open.length)] as (typeof open)[number];
    const a = mdd.choose(build, s.slot, o.id);
    expect(dnnf.choose(build, s.slot, o.id)).toEqual(a);
    build = a ?? build;
  }
  return reasons;
}

const car = validateCatalog(carFile, 'configs/catalogs/car.json');
const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
const bothForms = (catalog: Catalog) => {
  const mdd = new Configurator(catalog);
  const dnnf = new Configurator(catalog, compileConfiguration(catalog, { forceDnnf: true }));
  expect([mdd.form.form, dnnf.form.form]).toEqual(['mdd', 'dnnf']);
  return { mdd, dnnf };
};

describe('the configurator on either compiled form', () => {
  it('the demo car: same options, counts, reasons, fixes and completions along random clicks', () => {
    const { mdd, dnnf } = bothForms(car);
    let reasons = 0;
    for (const seed of [1, 2, 3]) reasons += walk(mdd, dnnf, seed, 12, false);
    // The walks did meet unavailable options to explain and repair.
    expect(reasons).toBeGreaterThan(30);
  });

  // Issue 20: the PC's resource sums (running totals of up to 58 values) once overflowed the d-DNNF compiler's cache.
  it('the PC catalog as a d-DNNF: same exact count, options, reasons and fixes as its MDD', () => {
    const { mdd, dnnf } = bothForms(pc);
    expect(dnnf.countExact({})).toBe(mdd.countExact({}));
    expect(mdd.countExact({})).toBeGreaterThan(0n);
    walk(mdd, dnnf, 7, 8, false);
  }, 120_000);

  it('random catalogs: the same on both forms, every unavailable option explained and repaired', () => {
    fc.assert(
      fc.property(arbitraryCatalog, fc.nat(), (catalog, seed) => {
        const { mdd, dnnf } = bothForms(catalog);
        if (mdd.countExact({}) === 0n) return;
        walk(mdd, dnnf, seed, 6, true);
      }),
      { numRuns: 60 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import pcFile from '../../../configs/catalogs/pc.json';
import { indexCatalog, validateCatalog, type Build, type Catalog } from '../catalog/index.ts';
import { priceBuild } from '../pricing/price.ts';
import { allBuilds, validBuilds } from '../../../test/fixtures/brute-force.ts';
import { arbitraryMutation } from '../../../test/fixtures/catalog-mutation.ts';
import { budgetPc } from '../../../test/fixtures/pc-builds.ts';
import { checkBuild, impactTarget } from './impact.ts';

/** Whether `whole` holds every choice of `part` (the options `part` leaves out of a multi slot are open). */
const extendsBuild = (whole: Build, part: Build) =>
  Object.entries(part).every(([slot, chosen]) =>
    Object.entries(chosen).every(([option, q]) => whole[slot]?.[option] === q),
  );

/** Builds of `before` (valid or not there) and parts of them, as saved builds and sessions would hold. */
const sample = (before: Catalog, pick: number) => {
  const builds = [...allBuilds(before)];
  const build = (builds[pick % Math.max(1, builds.length)] ?? {}) as Build;
  const slots = Object.keys(build);
  const part = Object.fromEntries(slots.filter((_, i) => (pick >> i) % 2 === 0).map((s) => [s, build[s]]));
  return { build, part: part as Build };
};

describe('checkBuild', () => {
  it('judges a build and a partial build as brute force does, with prices and missing options', () => {
    fc.assert(
      fc.property(arbitraryMutation, fc.nat(), ({ before, catalog }, pick) => {
        const target = impactTarget(catalog);
        const madeOn = indexCatalog(before);
        const valid = validBuilds(catalog);
        const { build, part } = sample(before, pick);
        const options = new Set(catalog.slots.flatMap((s) => s.options.map((o) => `${s.id}/${o.id}`)));
        for (const [b, complete] of [
          [build, true],
          [part, false],
        ] as const) {
          const impact = checkBuild(target, madeOn, b, complete);
          const expected = complete
            ? valid.some((v) => extendsBuild(v, b) && extendsBuild(b, v))
            : valid.some((v) => extendsBuild(v, b));
          expect(impact.valid).toBe(expected);
          expect(impact.explanation.length > 0).toBe(!expected);
          expect(impact.priceBeforeCents).toBe(priceBuild(madeOn, b).totalCents);
          expect(impact.priceAfterCents).toBe(expected ? priceBuild(target.index, b).totalCents : null);
          const missing = Object.entries(b).flatMap(([s, c]) =>
            Object.keys(c).filter((o) => !options.has(`${s}/${o}`)),
          );
          expect(impact.missingOptions).toEqual(missing);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('explains a PC build that a new rule breaks by its choices and that rule, and names a removed option', () => {
    const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
    const draft = structuredClone(pc);
    const cpu = 'cpu-ryzen5-8600g';
    const psu = 'psu-aurora-360-bronze';
    draft.rules.push({
      id: 'no-budget-pair',
      kind: 'excludes',
      all: [
        { slot: 'cpu', option: cpu },
        { slot: 'psu', option: psu },
      ],
    });
    const impact = checkBuild(
      impactTarget(validateCatalog(draft, 'draft')),
      indexCatalog(pc),
      budgetPc,
      true,
    );
    expect(impact.valid).toBe(false);
    expect(impact.explanation).toHaveLength(2);
    expect(impact.explanation[0]).toMatch(/^Conflicting choices: /);
    expect(impact.explanation[1]).toContain('(rule no-budget-pair)');

    const without = structuredClone(pc);
    const slot = without.slots.find((s) => s.id === 'cpu');
    if (slot) slot.options = slot.options.filter((o) => o.id !== cpu);
    const names = (x: unknown) => JSON.stringify(x).includes(`"${cpu}"`);
    without.packages = without.packages.filter((p) => !names(p));
    without.rules = without.rules.filter((r) => !names(r));
    without.priceRules = without.priceRules.filter((r) => !names(r));
    const gone = checkBuild(
      impactTarget(validateCatalog(without, 'draft')),
      indexCatalog(pc),
      budgetPc,
      true,
    );
    expect(gone).toMatchObject({ valid: false, missingOptions: [cpu], priceAfterCents: null });
  });
});

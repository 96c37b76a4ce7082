import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCatalog, type Build, type Catalog } from '../catalog/index.ts';
import { Configurator } from '../configurator/configurator.ts';
import { priceBuild } from '../pricing/index.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validBuilds } from '../../../test/fixtures/brute-force.ts';
import { nextOffers } from './next-offers.ts';

const authority = { ownPercent: 5, limitPercent: 10 };

/** A complete build extends partial choices when it keeps every chosen option with its quantity. */
const extendsChoices = (full: Build, partial: Build) =>
  Object.entries(partial).every(([slot, chosen]) =>
    Object.entries(chosen).every(([option, qty]) => full[slot]?.[option] === qty),
  );

/** A catalog with at least one valid build, a partial build taken from one, and random preference weights. */
const scenario = arbitraryCatalog
  .map((catalog) => ({ catalog, valid: validBuilds(catalog) }))
  .filter(({ valid }) => valid.length > 0)
  .chain(({ catalog, valid }) => {
    const options = catalog.slots.flatMap((s) => s.options.map((o) => o.id));
    return fc.record({
      catalog: fc.constant(catalog),
      valid: fc.constant(valid),
      from: fc.constantFrom(...valid),
      keep: fc.array(fc.boolean(), { minLength: catalog.slots.length, maxLength: catalog.slots.length }),
      weights: fc.dictionary(fc.constantFrom(...options), fc.double({ min: -2, max: 2, noNaN: true })),
      similar: fc.array(fc.constantFrom(...valid), { maxLength: 3 }),
    });
  });

function partialOf(catalog: Catalog, from: Build, keep: boolean[]): Build {
  const partial: Build = {};
  catalog.slots.forEach((slot, i) => {
    const chosen = from[slot.id];
    if (keep[i] && chosen && Object.keys(chosen).length > 0) partial[slot.id] = chosen;
  });
  return partial;
}

const without = (build: Build, slot: string): Build =>
  Object.fromEntries(Object.entries(build).filter(([s]) => s !== slot));

describe('next best offers on random catalogs, against brute force', () => {
  it('are one-slot changes that every one extends to a valid complete build, ranked best first', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, valid, from, keep, weights, similar }) => {
        const configurator = new Configurator(catalog);
        const index = indexCatalog(catalog);
        const build = partialOf(catalog, from, keep);
        const price = (b: Build) => priceBuild(index, b).totalCents;
        const offers = nextOffers(configurator, build, { weights, similar }, price, authority, Infinity);
        for (const offer of offers) {
          // Buildable: some valid complete build keeps every choice of the suggested build.
          expect(valid.some((b) => extendsChoices(b, offer.build))).toBe(true);
          // One step: every other slot is as it was.
          for (const slot of catalog.slots)
            if (slot.id !== offer.change.slot) expect(offer.build[slot.id]).toEqual(build[slot.id]);
          expect(offer.priceDeltaCents).toBe(price(offer.build) - price(build));
        }
        for (let i = 1; i < offers.length; i++)
          expect(offers[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(offers[i]?.score ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  it('miss no switch of a single or optional slot to an option some valid build allows', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, valid, from, keep }) => {
        const configurator = new Configurator(catalog);
        const index = indexCatalog(catalog);
        const build = partialOf(catalog, from, keep);
        const price = (b: Build) => priceBuild(index, b).totalCents;
        const offers = nextOffers(
          configurator,
          build,
          { weights: {}, similar: [] },
          price,
          authority,
          Infinity,
        );
        for (const slot of catalog.slots) {
          if (slot.kind === 'multi') continue;
          const rest = without(build, slot.id);
          const reachable = new Set(
            valid
              .filter((b) => extendsChoices(b, rest))
              .flatMap((b) => Object.keys(b[slot.id] ?? {}))
              .filter((o) => build[slot.id]?.[o] === undefined),
          );
          const offered = new Set(
            offers.filter((o) => o.change.slot === slot.id).flatMap((o) => o.change.to),
          );
          expect(offered).toEqual(reachable);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('tells whether the discount keeping the current total fits the authority', () => {
    const catalog = fc.sample(
      arbitraryCatalog.filter((c) => validBuilds(c).length > 1),
      { numRuns: 1, seed: 7 },
    )[0] as Catalog;
    const configurator = new Configurator(catalog);
    const index = indexCatalog(catalog);
    const price = (b: Build) => priceBuild(index, b).totalCents;
    for (const offer of nextOffers(
      configurator,
      {},
      { weights: {}, similar: [] },
      price,
      authority,
      Infinity,
    )) {
      const expected = offer.priceDeltaCents > 0 ? (offer.priceDeltaCents / price(offer.build)) * 100 : 0;
      expect(offer.discountPercent).toBeCloseTo(expected);
      expect(offer.band).toBe(
        expected <= 5.005 ? 'within' : expected <= 10.005 ? 'needs-approval' : 'refused',
      );
    }
  });
});

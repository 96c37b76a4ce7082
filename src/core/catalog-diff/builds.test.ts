import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import carFile from '../../../configs/catalogs/car.json';
import pcFile from '../../../configs/catalogs/pc.json';
import { validateCatalog, type Build, type Catalog } from '../catalog/index.ts';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { arbitraryMutation } from '../../../test/fixtures/catalog-mutation.ts';
import { validBuilds } from '../../../test/fixtures/brute-force.ts';
import { buildsDiff, effectOf } from './builds.ts';

/** A build as a string, slots and options sorted: equal strings iff the same build. */
const keyOf = (b: Build) =>
  JSON.stringify(
    Object.keys(b)
      .sort()
      .map((s) => [s, Object.entries(b[s] ?? {}).sort(([x], [y]) => x.localeCompare(y))]),
  );

/** The diff by enumerating both catalogs' valid builds. */
function bruteDiff(before: Catalog, after: Catalog) {
  const a = new Set(validBuilds(before).map(keyOf));
  const b = new Set(validBuilds(after).map(keyOf));
  return {
    a,
    b,
    lost: [...a].filter((k) => !b.has(k)).length,
    gained: [...b].filter((k) => !a.has(k)).length,
  };
}

function expectMatchesBruteForce(before: Catalog, after: Catalog) {
  const diff = buildsDiff(before, after);
  const brute = bruteDiff(before, after);
  expect(diff.buildsBefore).toBe(BigInt(brute.a.size));
  expect(diff.buildsAfter).toBe(BigInt(brute.b.size));
  expect(diff.lost).toBe(BigInt(brute.lost));
  expect(diff.gained).toBe(BigInt(brute.gained));
  expect(diff.effect).toBe(effectOf(BigInt(brute.gained), BigInt(brute.lost)));
  if (diff.exampleLost) {
    expect(brute.a.has(keyOf(diff.exampleLost))).toBe(true);
    expect(brute.b.has(keyOf(diff.exampleLost))).toBe(false);
  } else expect(brute.lost).toBe(0);
  if (diff.exampleGained) {
    expect(brute.b.has(keyOf(diff.exampleGained))).toBe(true);
    expect(brute.a.has(keyOf(diff.exampleGained))).toBe(false);
  } else expect(brute.gained).toBe(0);
}

const files: Record<string, unknown> = { pc: pcFile, car: carFile };
const load = (name: string) => validateCatalog(files[name], `configs/catalogs/${name}.json`);

describe('buildsDiff', () => {
  it('counts gained and lost builds and gives examples as brute force does, on two random catalogs', () => {
    // Two independent catalogs share slot and option ids (s0, s0-o1…) but differ in kinds, quantities, rules.
    fc.assert(
      fc.property(arbitraryCatalog, arbitraryCatalog, (before, after) =>
        expectMatchesBruteForce(before, after),
      ),
      { numRuns: 150 },
    );
  });

  it('is exact for one edit of a catalog', () => {
    fc.assert(
      fc.property(arbitraryMutation, ({ before, catalog }) => expectMatchesBruteForce(before, catalog)),
      { numRuns: 200 },
    );
  });

  it('reports neither for a price change on the real catalogs, without a joint compile', () => {
    for (const name of ['pc', 'car']) {
      const before = load(name);
      const after = structuredClone(before);
      const option = after.slots[0]?.options[0];
      if (option) option.price += 100;
      after.basePrice += 5;
      const diff = buildsDiff(before, after);
      expect(diff).toMatchObject({ gained: 0n, lost: 0n, effect: 'neither' });
      expect(diff.buildsAfter).toBe(diff.buildsBefore);
    }
  });

  it('counts the builds lost when an option of the car is removed, with an example holding it', () => {
    const before = load('car');
    const after = structuredClone(before);
    const slot = after.slots.find(
      (s) => s.kind !== 'multi' && s.options.length > 1,
    ) as Catalog['slots'][number];
    const removed = slot.options.pop() as Catalog['slots'][number]['options'][number];
    // Rules naming the removed option would not validate: drop them with it.
    const names = (r: unknown) => JSON.stringify(r).includes(`"${removed.id}"`);
    after.rules = after.rules.filter((r) => !names(r));
    after.packages = after.packages.filter((p) => !names(p));
    after.priceRules = after.priceRules.filter((p) => !names(p));
    const diff = buildsDiff(before, validateCatalog(after, 'car-edited'));
    expect(diff.lost).toBeGreaterThan(0n);
    expect(diff.exampleLost?.[slot.id]?.[removed.id]).toBeGreaterThan(0);
  });
});

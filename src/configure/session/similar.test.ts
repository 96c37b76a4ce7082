import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Build } from '../../core/catalog/index.ts';
import { distinguish, NAMED } from './similar.ts';

const slots = ['case', 'cpu', 'gpu', 'ram', 'disk', 'os'];
const buildArb: fc.Arbitrary<Build> = fc
  .array(fc.tuple(fc.constantFrom(...slots), fc.constantFrom('a', 'b', 'c')), { maxLength: slots.length })
  .map((picks) => Object.fromEntries(picks.map(([slot, o]) => [slot, { [`${slot}-${o}`]: 1 }])));
const orderArb = fc.record({ selections: buildArb, buyers: fc.constantFrom(1, 6) });

describe('builds like yours, told apart', () => {
  it('names first what sets a build apart from the others and from the current build', () => {
    const base = { case: { 'case-a': 1 }, cpu: { 'cpu-a': 1 }, gpu: { 'gpu-a': 1 }, ram: { 'ram-a': 1 } };
    const one = { selections: { ...base, os: { 'os-a': 1 } }, buyers: 2 };
    const two = { selections: { ...base, os: { 'os-b': 1 } }, buyers: 2 };
    const shown = distinguish([one, two], { case: { 'case-a': 1 } }, slots);
    expect(shown.map((s) => s.named[0])).toEqual(['os-a', 'os-b']);
    expect(shown[0]?.named).not.toContain('case-a');
    expect(shown[0]?.more).toBe(5 - NAMED);
  });

  it('never lists two builds that show the same, and names only a build’s own options', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 5 }), buildArb, (orders, current) => {
        const shown = distinguish(orders, current, slots);
        const looks = shown.map((s) => `${s.named.join()}|${s.more}|${s.build.buyers}`);
        expect(new Set(looks).size).toBe(looks.length);
        for (const s of shown) {
          const own = Object.values(s.build.selections).flatMap((o) => Object.keys(o));
          expect(s.named.every((id) => own.includes(id))).toBe(true);
          expect(s.named.length).toBe(Math.min(NAMED, own.length));
          expect(s.more).toBe(own.length - s.named.length);
        }
        // Only a build that shows the same as one listed is left out.
        for (const order of orders)
          expect(shown.some((s) => s.build === order || looksSame(s.build, order))).toBe(true);
      }),
    );
  });
});

function looksSame(a: { selections: Build; buyers: number }, b: { selections: Build; buyers: number }) {
  const count = (x: Build) => Object.values(x).flatMap((o) => Object.keys(o)).length;
  return a.buyers === b.buyers && count(a.selections) === count(b.selections);
}

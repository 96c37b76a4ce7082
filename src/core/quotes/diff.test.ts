import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Build } from '../catalog/build.ts';
import { consecutiveDiffs, diffRevisions, type DiffableRevision } from './diff.ts';
import { sameSelections } from './terms.ts';

const slotIds = ['case', 'cpu', 'memory', 'storage'];
const optionIds = ['a', 'b', 'c'];
/** Small builds over few slots and options, so that equal and nearly equal pairs come up often. */
const build: fc.Arbitrary<Build> = fc.dictionary(
  fc.constantFrom(...slotIds),
  fc.dictionary(fc.constantFrom(...optionIds), fc.integer({ min: 1, max: 3 }), { maxKeys: 2 }),
  { maxKeys: 4 },
);
const revision: fc.Arbitrary<DiffableRevision> = fc.record({
  revision: fc.integer({ min: 1, max: 9 }),
  catalogVersion: fc.constantFrom('1.0.0', '1.1.0'),
  selections: build,
  discountPercent: fc.constantFrom(0, 5, 12.5),
  totalCents: fc.integer({ min: 0, max: 500_000 }),
  validUntil: fc.constantFrom('2026-12-20T12:00:00.000Z', '2026-12-21T12:00:00.000Z'),
});

/** The same build with its slots and each slot's options listed in reverse order. */
const reversed = (b: Build): Build =>
  Object.fromEntries(
    Object.entries(b)
      .reverse()
      .map(([slot, options]) => [slot, Object.fromEntries(Object.entries(options).reverse())]),
  );

describe('the difference between two quote revisions', () => {
  it('names the changed slot with its options before and after, and nothing else that agrees', () => {
    const a: DiffableRevision = {
      revision: 1,
      catalogVersion: '1.0.0',
      selections: { cpu: { a: 1 }, memory: { b: 1 } },
      discountPercent: 5,
      totalCents: 100_000,
      validUntil: '2026-12-20T12:00:00.000Z',
    };
    const b = { ...a, revision: 2, selections: { cpu: { c: 1 }, memory: { b: 2 } }, totalCents: 120_000 };
    expect(diffRevisions(a, b)).toEqual({
      from: 1,
      to: 2,
      options: [
        { slot: 'cpu', before: ['a'], after: ['c'] },
        { slot: 'memory', before: ['b'], after: ['b', 'b'] },
      ],
      catalogVersion: null,
      discountPercent: null,
      totalCents: { before: 100_000, after: 120_000 },
      validUntil: null,
    });
  });

  it('is empty between a revision and itself, whatever order its slots and options are listed in', () => {
    fc.assert(
      fc.property(revision, (r) => {
        const d = diffRevisions(r, { ...r, selections: reversed(r.selections) });
        expect(d.options).toEqual([]);
        expect([d.catalogVersion, d.discountPercent, d.totalCents, d.validUntil]).toEqual([
          null,
          null,
          null,
          null,
        ]);
      }),
    );
  });

  it('lists option changes exactly when the selections differ', () => {
    fc.assert(
      fc.property(revision, revision, (a, b) => {
        expect(diffRevisions(a, b).options.length === 0).toBe(sameSelections(a.selections, b.selections));
      }),
    );
  });

  it('is symmetric: the other way round swaps before and after', () => {
    const swap = <T>(c: { before: T; after: T } | null) => c && { before: c.after, after: c.before };
    fc.assert(
      fc.property(revision, revision, (a, b) => {
        const ab = diffRevisions(a, b);
        const ba = diffRevisions(b, a);
        expect(ba.options).toEqual(
          ab.options.map((o) => ({ slot: o.slot, before: o.after, after: o.before })),
        );
        expect(ba.catalogVersion).toEqual(swap(ab.catalogVersion));
        expect(ba.discountPercent).toEqual(swap(ab.discountPercent));
        expect(ba.totalCents).toEqual(swap(ab.totalCents));
        expect(ba.validUntil).toEqual(swap(ab.validUntil));
      }),
    );
  });

  it('pairs each revision with the next', () => {
    fc.assert(
      fc.property(fc.array(revision, { maxLength: 5 }), (revisions) => {
        const diffs = consecutiveDiffs(revisions);
        expect(diffs).toHaveLength(Math.max(0, revisions.length - 1));
        diffs.forEach((d, i) => {
          expect([d.from, d.to]).toEqual([revisions[i]?.revision, revisions[i + 1]?.revision]);
        });
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPaths, jsonEqual, mergeJson } from './json-merge.ts';

/** Documents shaped like catalogs: objects, keyed arrays of objects with ids, plain arrays and scalars. */
const scalar = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'), fc.boolean());
const doc = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('keyed')),
  object: fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('node'), { maxKeys: 3 }),
  keyed: fc
    .uniqueArray(fc.constantFrom('p', 'q', 'r'), { minLength: 1, maxLength: 3 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.dictionary(fc.constantFrom('x', 'y'), tie('node'), { maxKeys: 2 }).map((o) => ({ ...o, id })),
        ),
      ),
    ),
})).object;

/** An edit of one document: some of its leaves replaced, keys removed or added. */
const edited = (base: unknown) =>
  fc.tuple(fc.integer(), doc).map(([seed, other]) => {
    const walk = (v: unknown, depth: number): unknown => {
      if (typeof v !== 'object' || v === null) return (seed + depth) % 3 === 0 ? 'edited' : v;
      if (Array.isArray(v)) return v.filter((_, i) => (seed >> i) % 5 !== 0).map((e) => walk(e, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        if ((seed >> depth) % 7 !== 0 || k === 'id') out[k] = k === 'id' ? x : walk(x, depth + 1);
      return seed % 11 === 0 ? { ...out, ...(other as object) } : out;
    };
    return walk(base, 0);
  });

describe('changedPaths', () => {
  it('is empty exactly when the documents are equal', () => {
    fc.assert(fc.property(doc, doc, (a, b) => (changedPaths(a, b).length === 0) === jsonEqual(a, b)));
  });

  it('names options by id, not by position', () => {
    const before = {
      slots: [
        {
          id: 'cpu',
          options: [
            { id: 'i5', price: 1 },
            { id: 'i7', price: 2 },
          ],
        },
      ],
    };
    const after = {
      slots: [
        {
          id: 'cpu',
          options: [
            { id: 'i5', price: 1 },
            { id: 'i9', price: 3 },
            { id: 'i7', price: 5 },
          ],
        },
      ],
    };
    expect(changedPaths(before, after)).toEqual([
      '$.slots["cpu"].options["i7"].price',
      '$.slots["cpu"].options["i9"]',
    ]);
  });
});

describe('mergeJson', () => {
  it('takes the only side that changed', () => {
    fc.assert(
      fc.property(
        doc.chain((b) => fc.tuple(fc.constant(b), edited(b))),
        ([base, x]) => {
          expect(mergeJson(base, x, base)).toEqual({ merged: x, conflicts: [] });
          expect(mergeJson(base, base, x)).toEqual({ merged: x, conflicts: [] });
          expect(mergeJson(base, x, x)).toEqual({ merged: x, conflicts: [] });
        },
      ),
    );
  });

  it('keeps both sides where they changed different paths, and mine where they collide', () => {
    fc.assert(
      fc.property(
        doc.chain((b) => fc.tuple(fc.constant(b), edited(b), edited(b))),
        ([base, mine, theirs]) => {
          const { merged, conflicts } = mergeJson(base, mine, theirs);
          const mineChanged = changedPaths(base, mine);
          const theirsChanged = changedPaths(base, theirs);
          // Nothing either side changed is lost unless it collides, and nothing neither changed is touched.
          for (const p of changedPaths(base, merged)) {
            const explained = [...mineChanged, ...theirsChanged].some(
              (c) => p.startsWith(c) || c.startsWith(p),
            );
            expect(explained, p).toBe(true);
          }
          if (conflicts.length === 0) {
            for (const p of theirsChanged)
              if (!mineChanged.some((c) => c.startsWith(p) || p.startsWith(c)))
                expect(
                  changedPaths(theirs, merged).some(
                    (c) => c === p || c.startsWith(`${p}.`) || c.startsWith(`${p}[`),
                  ),
                ).toBe(false);
          }
        },
      ),
    );
  });

  it('merges two people editing different options of one slot', () => {
    const base = {
      slots: [
        {
          id: 'gpu',
          options: [
            { id: 'a', price: 1 },
            { id: 'b', price: 2 },
          ],
        },
      ],
    };
    const mine = {
      slots: [
        {
          id: 'gpu',
          options: [
            { id: 'a', price: 9 },
            { id: 'b', price: 2 },
          ],
        },
      ],
    };
    const theirs = {
      slots: [
        {
          id: 'gpu',
          options: [
            { id: 'a', price: 1 },
            { id: 'b', price: 2 },
            { id: 'c', price: 3 },
          ],
        },
      ],
    };
    expect(mergeJson(base, mine, theirs)).toEqual({
      merged: {
        slots: [
          {
            id: 'gpu',
            options: [
              { id: 'a', price: 9 },
              { id: 'b', price: 2 },
              { id: 'c', price: 3 },
            ],
          },
        ],
      },
      conflicts: [],
    });
    const clash = {
      slots: [
        {
          id: 'gpu',
          options: [
            { id: 'a', price: 5 },
            { id: 'b', price: 2 },
          ],
        },
      ],
    };
    expect(mergeJson(base, mine, clash).conflicts).toEqual(['$.slots["gpu"].options["a"].price']);
  });
});

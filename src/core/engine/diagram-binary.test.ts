import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentOf, smallModel } from '../../../test/engine/brute-force.ts';
import { ByteWriter, hash64 } from './bytes.ts';
import { compileModel } from './compile.ts';
import { complete } from './complete.ts';
import { exactCount } from './count.ts';
import type { Diagram } from './diagram.ts';
import { DiagramFormatError, decodeDiagram, encodeDiagram, modelFingerprint } from './diagram-binary.ts';
import { validDomains } from './domains.ts';
import type { Model } from './model.ts';
import { repairs } from './repair.ts';

const KEY = 'model@1';
const compiled = (m: Model, reversed: boolean) =>
  compileModel(m, reversed ? { order: m.variables.map((_, i) => m.variables.length - 1 - i) } : {});
const withDiagram = smallModel.chain((m) =>
  fc.tuple(fc.constant(m), assignmentOf(m), fc.boolean()).map(([model, a, rev]) => ({
    model,
    assignment: a,
    diagram: compiled(model, rev),
  })),
);
const arrays = (d: Diagram) =>
  [d.order, d.levelOf, d.domSize, d.nodeLevel, d.edgeStart, d.edgeValue, d.edgeChild].map((a) => [...a]);

describe('the binary form of a diagram', () => {
  it('reads back the same diagram, which answers every query as the original', () => {
    fc.assert(
      fc.property(withDiagram, fc.nat(), ({ model, assignment, diagram }, seed) => {
        const read = decodeDiagram(encodeDiagram(diagram, KEY), model, KEY);
        expect(arrays(read)).toEqual(arrays(diagram));
        expect([read.root, read.terminal]).toEqual([diagram.root, diagram.terminal]);
        expect(read.model).toBe(model);
        // The queries themselves, on both: counts, valid domains, cheapest completion, repairs.
        expect(exactCount(read, assignment)).toBe(exactCount(diagram, assignment));
        const domains = validDomains(read, assignment);
        const want = validDomains(diagram, assignment);
        expect([domains.count, [...domains.valid]]).toEqual([want.count, [...want.valid]]);
        const weight = (x: number, v: number) => ((x * 7 + v * 3 + seed) % 11) - 5;
        expect(complete(read, assignment, weight)).toEqual(complete(diagram, assignment, weight));
        const x = seed % model.variables.length;
        const v = Math.floor(seed / 13) % (model.variables[x]?.values.length ?? 1);
        expect(repairs(read, assignment, x, v)).toEqual(repairs(diagram, assignment, x, v));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the bytes with any one byte changed, cut short or lengthened', () => {
    fc.assert(
      fc.property(withDiagram, fc.nat(), fc.integer({ min: 1, max: 255 }), ({ model, diagram }, at, flip) => {
        const bytes = encodeDiagram(diagram, KEY);
        const changed = bytes.slice();
        const i = at % bytes.length;
        changed[i] = (changed[i] as number) ^ flip;
        expect(() => decodeDiagram(changed, model, KEY)).toThrow(DiagramFormatError);
        expect(() => decodeDiagram(bytes.subarray(0, i), model, KEY)).toThrow(DiagramFormatError);
        const longer = new Uint8Array(bytes.length + 1);
        longer.set(bytes);
        expect(() => decodeDiagram(longer, model, KEY)).toThrow(DiagramFormatError);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses bytes of another key, another model, another format, or no diagram at all', () => {
    fc.assert(
      fc.property(
        withDiagram,
        smallModel,
        fc.uint8Array({ maxLength: 64 }),
        ({ model, diagram }, other, noise) => {
          const bytes = encodeDiagram(diagram, KEY);
          expect(() => decodeDiagram(bytes, model, 'model@2')).toThrow(
            /compiled for "model@1", not "model@2"/,
          );
          fc.pre(modelFingerprint(other).join() !== modelFingerprint(model).join());
          expect(() => decodeDiagram(bytes, other, KEY)).toThrow(/compiled from another model/);
          expect(() => decodeDiagram(noise, model, KEY)).toThrow(DiagramFormatError);
        },
      ),
      { numRuns: 200 },
    );
    const model: Model = { variables: [{ name: 'x', values: ['a', 'b'] }], constraints: [] };
    const newer = encodeDiagram(compileModel(model), KEY);
    newer[4] = 2;
    expect(() => decodeDiagram(newer, model, KEY)).toThrow('format 2, but this build reads format 1');
  });

  /** Bytes with a valid header and checksum around any body, to reach the structural checks. */
  function sealed(write: (w: ByteWriter) => void): Uint8Array {
    const w = new ByteWriter();
    write(w);
    const body = w.result();
    const out = new Uint8Array(16 + body.length);
    out.set([0x4d, 0x44, 0x44, 0x42, 1, 0, 0, 0]);
    const [h1, h2] = hash64(body);
    new DataView(out.buffer).setUint32(8, h1, true);
    new DataView(out.buffer).setUint32(12, h2, true);
    out.set(body, 16);
    return out;
  }

  it('refuses well-sealed bytes whose diagram breaks its invariants', () => {
    const model: Model = {
      variables: [
        { name: 'x', values: ['a', 'b'] },
        { name: 'y', values: ['a', 'b'] },
      ],
      constraints: [],
    };
    const [f1, f2] = modelFingerprint(model);
    /** Two nodes, x at level 0 and y at level 1, with the given edges (value, child delta) from each. */
    const diagram = (x: [number, number][], y: [number, number][], order = [0, 1]) =>
      sealed((w) => {
        w.text(KEY);
        w.varint(f1);
        w.varint(f2);
        [2, 2, x.length + y.length, 1, ...order, 1, 1, x.length, y.length].forEach((n) => w.varint(n));
        for (const [v] of [...x, ...y]) w.varint(v);
        for (const [, delta] of [...x, ...y]) w.signed(delta);
      });
    const fine = diagram([[0, 1]], [[1, 1]]);
    expect(exactCount(decodeDiagram(fine, model, KEY))).toBe(1n);
    expect(() => decodeDiagram(diagram([[0, 0]], [[1, 1]]), model, KEY)).toThrow('not below it');
    expect(() => decodeDiagram(diagram([[0, 1]], [[1, 2]]), model, KEY)).toThrow('not below it');
    expect(() => decodeDiagram(diagram([[2, 1]], [[1, 1]]), model, KEY)).toThrow('out of order or range');
    expect(() =>
      decodeDiagram(
        diagram(
          [
            [1, 1],
            [0, 1],
          ],
          [[1, 1]],
        ),
        model,
        KEY,
      ),
    ).toThrow('out of order or range');
    expect(() => decodeDiagram(diagram([[0, 1]], [[1, 1]], [1, 1]), model, KEY)).toThrow('not a permutation');
  });
});

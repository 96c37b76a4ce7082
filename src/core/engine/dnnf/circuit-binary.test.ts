import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentOf, booleanModel, smallModel } from '../../../../test/engine/brute-force.ts';
import { ByteWriter, hash64 } from '../bytes.ts';
import {
  compileAny,
  completeAny,
  count,
  domains,
  explainAny,
  repairsAny,
  type DnnfForm,
} from '../compiled-form.ts';
import { modelFingerprint } from '../diagram-binary.ts';
import type { Model } from '../model.ts';
import { CircuitFormatError, decodeCircuit, encodeCircuit } from './circuit-binary.ts';
import { KIND_AND, KIND_DECISION, KIND_LITERAL, type Circuit } from './circuit.ts';

const KEY = 'model@1';
/** The d-DNNF of a model, whatever its MDD would be. */
const dnnfOf = (model: Model): DnnfForm => {
  const c = compileAny(model, { forceDnnf: true });
  if (c.form !== 'dnnf') throw new Error('expected the d-DNNF');
  return c;
};
const withCircuit = fc.oneof(smallModel, booleanModel).chain((m) =>
  fc.tuple(fc.constant(m), assignmentOf(m)).map(([model, assignment]) => ({
    model,
    assignment,
    form: dnnfOf(model),
  })),
);
const arrays = (c: Circuit) => [c.kind, c.label, c.childStart, c.children].map((a) => [...a]);

describe('the binary form of a d-DNNF', () => {
  it('reads back the same circuit, which answers every query as the original', () => {
    fc.assert(
      fc.property(withCircuit, fc.nat(), ({ model, assignment, form }, seed) => {
        const read = decodeCircuit(encodeCircuit(form, KEY), model, KEY);
        expect(arrays(read.circuit)).toEqual(arrays(form.circuit));
        expect([read.circuit.root, read.circuit.variables, read.reason]).toEqual([
          form.circuit.root,
          form.circuit.variables,
          form.reason,
        ]);
        expect(read.oneHot?.valueOffset).toEqual(form.oneHot?.valueOffset);
        expect(read.model).toBe(model);
        expect(count(read, assignment)).toBe(count(form, assignment));
        const got = domains(read, assignment, undefined, { ownChoiceFree: true });
        const want = domains(form, assignment, undefined, { ownChoiceFree: true });
        expect([got.count, [...got.valid]]).toEqual([want.count, [...want.valid]]);
        const weight = (x: number, v: number) => ((x * 7 + v * 3 + seed) % 11) - 5;
        expect(completeAny(read, assignment, weight)).toEqual(completeAny(form, assignment, weight));
        const x = seed % model.variables.length;
        const v = Math.floor(seed / 13) % (model.variables[x]?.values.length ?? 1);
        expect(repairsAny(read, assignment, x, v)).toEqual(repairsAny(form, assignment, x, v));
        expect(explainAny(read, assignment, x, v, { budgetMs: 1e4 })).toEqual(
          explainAny(form, assignment, x, v, { budgetMs: 1e4 }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the bytes with any one byte changed, cut short or lengthened', () => {
    fc.assert(
      fc.property(withCircuit, fc.nat(), fc.integer({ min: 1, max: 255 }), ({ model, form }, at, flip) => {
        const bytes = encodeCircuit(form, KEY);
        const changed = bytes.slice();
        const i = at % bytes.length;
        changed[i] = (changed[i] as number) ^ flip;
        expect(() => decodeCircuit(changed, model, KEY)).toThrow(CircuitFormatError);
        expect(() => decodeCircuit(bytes.subarray(0, i), model, KEY)).toThrow(CircuitFormatError);
        const longer = new Uint8Array(bytes.length + 1);
        longer.set(bytes);
        expect(() => decodeCircuit(longer, model, KEY)).toThrow(CircuitFormatError);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bytes of another key, another model, another format, or no circuit at all', () => {
    fc.assert(
      fc.property(
        withCircuit,
        smallModel,
        fc.uint8Array({ maxLength: 64 }),
        ({ model, form }, other, noise) => {
          const bytes = encodeCircuit(form, KEY);
          expect(() => decodeCircuit(bytes, model, 'model@2')).toThrow(
            /compiled for "model@1", not "model@2"/,
          );
          fc.pre(modelFingerprint(other).join() !== modelFingerprint(model).join());
          expect(() => decodeCircuit(bytes, other, KEY)).toThrow(/compiled from another model/);
          expect(() => decodeCircuit(noise, model, KEY)).toThrow(CircuitFormatError);
        },
      ),
      { numRuns: 100 },
    );
    const model: Model = { variables: [{ name: 'x', values: ['a', 'b'] }], constraints: [] };
    const newer = encodeCircuit(dnnfOf(model), KEY);
    newer[4] = 2;
    expect(() => decodeCircuit(newer, model, KEY)).toThrow('format 2, but this build reads format 1');
  });

  /** Bytes with a valid header and checksum around any body, to reach the structural checks. */
  function sealed(body: Uint8Array): Uint8Array {
    const out = new Uint8Array(16 + body.length);
    out.set([0x44, 0x4e, 0x4e, 0x42, 1, 0, 0, 0]);
    const [h1, h2] = hash64(body);
    new DataView(out.buffer).setUint32(8, h1, true);
    new DataView(out.buffer).setUint32(12, h2, true);
    out.set(body, 16);
    return out;
  }

  it('on well-sealed bytes whose body is damaged, either refuses them or reads a circuit every query can walk', () => {
    fc.assert(
      fc.property(
        withCircuit,
        // Small values most often: they keep the varints' lengths, so more damaged bodies get past the framing.
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 255 }))), {
          minLength: 1,
          maxLength: 4,
        }),
        ({ model, assignment, form }, edits) => {
          const body = encodeCircuit(form, KEY).slice(16);
          for (const [at, value] of edits) body[at % body.length] = value;
          let read: DnnfForm;
          try {
            read = decodeCircuit(sealed(body), model, KEY);
          } catch (error) {
            expect(error).toBeInstanceOf(CircuitFormatError);
            return;
          }
          // Structure in range: the passes run to the end (their answers may be wrong for a damaged circuit).
          const { kind, label, childStart, children, variables } = read.circuit;
          for (let k = 2; k < kind.length; k++) {
            expect([KIND_LITERAL, KIND_AND, KIND_DECISION]).toContain(kind[k]);
            if (kind[k] === KIND_LITERAL) expect(label[k]).toBeLessThan(2 * variables);
            for (let e = childStart[k] as number; e < (childStart[k + 1] as number); e++)
              expect(children[e]).toBeLessThan(k);
          }
          expect(() => {
            count(read, assignment);
            domains(read, assignment);
            completeAny(read, assignment, () => 1);
          }).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses well-sealed bytes whose circuit breaks its invariants, naming the check', () => {
    const model: Model = { variables: [{ name: 'x', values: ['a', 'b'] }], constraints: [] };
    const [f1, f2] = modelFingerprint(model);
    /** FALSE, TRUE, and a decision on x whose children are the given distances below it. */
    const circuit = (kinds: number[], labels: number[], children: number[], root = 2) => {
      const w = new ByteWriter();
      w.text(KEY);
      [f1, f2, 0, 1, kinds.length, children.length, root, ...kinds, ...labels, ...children].forEach((n) =>
        w.varint(n),
      );
      return sealed(w.result());
    };
    const fine = circuit([0, 1, KIND_DECISION], [0], [1, 1]);
    expect(count(decodeCircuit(fine, model, KEY))).toBe(2n);
    expect(() => decodeCircuit(circuit([0, 1, KIND_DECISION], [0], [1, 3]), model, KEY)).toThrow(
      'not among its elders',
    );
    expect(() => decodeCircuit(circuit([0, 1, KIND_DECISION], [1], [1, 1]), model, KEY)).toThrow(
      'decides variable 1 of 1',
    );
    expect(() => decodeCircuit(circuit([0, 1, 7], [], []), model, KEY)).toThrow('node 2 has kind 7');
    expect(() => decodeCircuit(circuit([1, 0, KIND_DECISION], [0], [1, 1]), model, KEY)).toThrow(
      'node 0 has kind 1',
    );
    expect(() => decodeCircuit(circuit([0, 1, KIND_DECISION], [0], [1, 1], 3), model, KEY)).toThrow(
      'root 3 for 3 nodes',
    );
    expect(() => decodeCircuit(circuit([0, 1, KIND_LITERAL], [2], []), model, KEY)).toThrow(
      'literal 2 of 1 variables',
    );
  });
});

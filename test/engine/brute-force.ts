/** Brute-force oracles over small models: every complete build, checked constraint by constraint. */
import fc from 'fast-check';
import {
  WILDCARD,
  satisfies,
  type Assignment,
  type Constraint,
  type Model,
} from '../../src/core/engine/model.ts';

/** Every valid complete build of a small model. */
export function solutions(model: Model): Int32Array[] {
  const n = model.variables.length;
  const sizes = model.variables.map((v) => v.values.length);
  const out: Int32Array[] = [];
  const b = new Int32Array(n);
  const total = sizes.reduce((a, s) => a * s, 1);
  for (let i = 0; i < total; i++) {
    if (model.constraints.every((c) => satisfies(c, b))) out.push(b.slice());
    for (let j = n - 1; j >= 0; j--) {
      if (++(b[j] as number) < (sizes[j] as number)) break;
      b[j] = 0;
    }
  }
  return out;
}

export function extendsAssignment(build: Int32Array, a: Assignment): boolean {
  for (const [x, v] of a) if (build[x] !== v) return false;
  return true;
}

/** Random small models: up to 6 variables of 1–4 values, up to 7 tables of arity 1–3 with some wildcards. */
export const smallModel: fc.Arbitrary<Model> = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 })
  .chain((sizes) => {
    const n = sizes.length;
    const constraint = fc
      .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.min(3, n) })
      .chain((scope) =>
        fc
          .array(
            fc.tuple(
              ...scope.map((x) =>
                fc.oneof(
                  { weight: 6, arbitrary: fc.integer({ min: 0, max: (sizes[x] as number) - 1 }) },
                  { weight: 1, arbitrary: fc.constant(WILDCARD) },
                ),
              ),
            ),
            { minLength: 0, maxLength: 10 },
          )
          .map((rows) => ({ scope, rows: Int32Array.from(rows.flat()) })),
      );
    return fc.array(constraint, { maxLength: 7 }).map((cs): Model => ({
      variables: sizes.map((s, i) => ({
        name: `v${i}`,
        values: Array.from({ length: s }, (_, k) => `val${k}`),
      })),
      constraints: cs.map((c, i): Constraint => ({
        id: `c${i}`,
        label: `rule ${i}`,
        scope: c.scope,
        rows: c.rows,
      })),
    }));
  });

/** The same random models with every domain cut to two values (rows naming a cut value dropped). */
export const booleanModel: fc.Arbitrary<Model> = smallModel.map((m) => ({
  variables: m.variables.map((v) => ({ ...v, values: ['0', '1'] })),
  constraints: m.constraints.map((c) => {
    const k = c.scope.length;
    const rows: number[] = [];
    for (let r = 0; r < c.rows.length / k; r++) {
      const row = c.rows.subarray(r * k, r * k + k);
      if (row.every((e) => e < 2)) rows.push(...row);
    }
    return { ...c, rows: Int32Array.from(rows) };
  }),
}));

/** A random partial assignment of a model (each variable chosen with probability ~1/2). */
export function assignmentOf(model: Model): fc.Arbitrary<Map<number, number>> {
  return fc
    .tuple(
      ...model.variables.map((v) =>
        fc.option(fc.integer({ min: 0, max: v.values.length - 1 }), { nil: undefined }),
      ),
    )
    .map((vals) => new Map(vals.flatMap((v, x) => (v === undefined ? [] : [[x, v] as [number, number]]))));
}

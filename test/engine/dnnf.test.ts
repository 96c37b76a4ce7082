/**
 * The decision-DNNF form against brute force on random small CNFs, and against the MDD engine on random Boolean
 * table models: counts, valid domains and optimal completions under random choices, and the circuit's structural
 * properties (decomposable, deterministic, smooth) that make those passes exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/core/engine/compile.ts';
import { complete } from '../../src/core/engine/complete.ts';
import { exactCount } from '../../src/core/engine/count.ts';
import { KIND_AND, KIND_DECISION, KIND_LITERAL, type Circuit } from '../../src/core/engine/dnnf/circuit.ts';
import { cnfOfModel, type Cnf } from '../../src/core/engine/dnnf/cnf.ts';
import { compileDnnf, DnnfLimitError } from '../../src/core/engine/dnnf/compile.ts';
import { dnnfComplete } from '../../src/core/engine/dnnf/complete.ts';
import { dnnfCount } from '../../src/core/engine/dnnf/count.ts';
import { dnnfDomains, dnnfScratch } from '../../src/core/engine/dnnf/domains.ts';
import { validDomains } from '../../src/core/engine/domains.ts';
import { WILDCARD, type Constraint, type Model } from '../../src/core/engine/model.ts';
import { assignmentOf } from './brute-force.ts';

/** A random CNF over 1–12 variables: up to 30 clauses of 1–4 distinct variables (so some are unsatisfiable). */
const randomCnf: fc.Arbitrary<Cnf> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .array(
      fc
        .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.min(4, n) })
        .chain((vars) => fc.tuple(...vars.map((x) => fc.integer({ min: 0, max: 1 }).map((v) => 2 * x + v)))),
      { maxLength: 30 },
    )
    .map((clauses): Cnf => {
      const clauseStart = new Int32Array(clauses.length + 1);
      clauses.forEach((c, i) => (clauseStart[i + 1] = (clauseStart[i] as number) + c.length));
      return { variables: n, clauseStart, literals: Int32Array.from(clauses.flat()) };
    }),
);

/** Every model of a small CNF, as value-index builds. */
function models(cnf: Cnf): Int32Array[] {
  const out: Int32Array[] = [];
  const n = cnf.variables;
  for (let bits = 0; bits < 1 << n; bits++) {
    const build = Int32Array.from({ length: n }, (_, x) => (bits >> x) & 1);
    let ok = true;
    for (let c = 0; ok && c + 1 < cnf.clauseStart.length; c++) {
      ok = false;
      for (let k = cnf.clauseStart[c] as number; k < (cnf.clauseStart[c + 1] as number); k++) {
        const l = cnf.literals[k] as number;
        if (build[l >> 1] === (l & 1)) ok = true;
      }
    }
    if (ok) out.push(build);
  }
  return out;
}

const booleanModel = (n: number): Model => ({
  variables: Array.from({ length: n }, (_, i) => ({ name: `x${i}`, values: ['0', '1'] })),
  constraints: [],
});

const withChoices = randomCnf.chain((cnf) =>
  fc.tuple(
    fc.constant(cnf),
    assignmentOf(booleanModel(cnf.variables)),
    fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 2 * cnf.variables, maxLength: 2 * cnf.variables }),
  ),
);

/** The variables each node mentions, checking decomposability, determinism and smoothness on the way up. */
function checkStructure(c: Circuit): void {
  const scope: Set<number>[] = [];
  for (let k = 0; k <= c.root; k++) {
    const kids = Array.from(c.children.subarray(c.childStart[k], c.childStart[k + 1]));
    const s = new Set<number>();
    if (c.kind[k] === KIND_LITERAL) s.add((c.label[k] as number) >> 1);
    if (c.kind[k] === KIND_AND) {
      for (const ch of kids) {
        for (const x of scope[ch] as Set<number>) {
          expect(s.has(x), `AND ${k} shares variable ${x}`).toBe(false);
          s.add(x);
        }
      }
    }
    if (c.kind[k] === KIND_DECISION) {
      const x = c.label[k] as number;
      const [hi, lo] = kids.map((ch) => scope[ch] as Set<number>) as [Set<number>, Set<number>];
      expect(hi.has(x) || lo.has(x), `decision ${k} mentions x${x} below`).toBe(false);
      if (kids[0] !== 0 && kids[1] !== 0) expect([...hi].sort()).toEqual([...lo].sort());
      for (const y of hi.size > 0 ? hi : lo) s.add(y);
      s.add(x);
    }
    scope.push(s);
  }
  if (c.root !== 0) expect((scope[c.root] as Set<number>).size).toBe(c.variables);
}

describe('decision-DNNF against brute force', () => {
  it('is decomposable, deterministic and smooth over every variable', () => {
    fc.assert(
      fc.property(randomCnf, (cnf) => checkStructure(compileDnnf(cnf).circuit)),
      { numRuns: 300 },
    );
  });

  it('counts, valid domains and optimal completions under random choices are exact', () => {
    fc.assert(
      fc.property(withChoices, ([cnf, choices, costs]) => {
        const { circuit } = compileDnnf(cnf);
        const sols = models(cnf).filter((b) => [...choices].every(([x, v]) => b[x] === v));
        expect(dnnfCount(circuit, choices)).toBe(BigInt(sols.length));
        const valid = dnnfDomains(circuit, choices, dnnfScratch(circuit));
        const expected = new Uint8Array(2 * cnf.variables);
        for (const b of sols) b.forEach((v, x) => (expected[2 * x + v] = 1));
        expect(valid).toEqual(expected);
        // Own choice free: x's values with every other choice kept (all zero when the choices have no model).
        const all = models(cnf);
        const free = new Uint8Array(2 * cnf.variables);
        if (sols.length > 0)
          for (const b of all)
            b.forEach((v, x) => {
              if ([...choices].every(([y, w]) => y === x || b[y] === w)) free[2 * x + v] = 1;
            });
        expect(dnnfDomains(circuit, choices, undefined, { ownChoiceFree: true })).toEqual(free);
        const weight = (x: number, v: number): number => costs[2 * x + v] as number;
        const total = (b: Int32Array): number => b.reduce((t, v, x) => t + weight(x, v), 0);
        for (const maximise of [false, true]) {
          const best = dnnfComplete(circuit, choices, weight, maximise);
          if (sols.length === 0) {
            expect(best).toBeNull();
            continue;
          }
          const totals = sols.map(total);
          expect(best?.total).toBe(maximise ? Math.max(...totals) : Math.min(...totals));
          expect(sols.some((b) => b.every((v, x) => v === best?.build[x]))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('offers a chosen value whose alternative lies only under a branch the choice kills', () => {
    // y ↔ x, and y → (w ∨ z): y, last in the elimination order, is decided first, so x = 1 appears only in the y = 1
    // branch, an AND with w ∨ z, dead once x = 0 is chosen.
    const [x, w, z, y] = [0, 1, 2, 3];
    const clauses = [
      [2 * y, 2 * x + 1],
      [2 * y + 1, 2 * x],
      [2 * y, 2 * w + 1, 2 * z + 1],
    ];
    const clauseStart = Int32Array.from([0, 2, 4, 7]);
    const literals = Int32Array.from(clauses.flat());
    const { circuit } = compileDnnf({ variables: 4, clauseStart, literals });
    const free = dnnfDomains(circuit, new Map([[x, 0]]), undefined, { ownChoiceFree: true });
    expect(circuit.label[circuit.root]).toBe(y);
    // x may switch to 1; y stays 0 (x's choice holds for it).
    expect(Array.from(free)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(Array.from(dnnfDomains(circuit, new Map([[x, 0]])))).toEqual([1, 0, 1, 1, 1, 1, 1, 0]);
  });

  it('refuses, with the bound named, a formula past its decision budget', () => {
    // Pigeonhole: 7 pigeons, 6 holes, every pigeon somewhere, no two in one hole; unsatisfiable and hard for DPLL.
    const p = 7;
    const h = 6;
    const v = (i: number, j: number): number => i * h + j;
    const clauses: number[][] = [];
    for (let i = 0; i < p; i++) clauses.push(Array.from({ length: h }, (_, j) => 2 * v(i, j) + 1));
    for (let j = 0; j < h; j++)
      for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) clauses.push([2 * v(a, j), 2 * v(b, j)]);
    const clauseStart = new Int32Array(clauses.length + 1);
    clauses.forEach((c, i) => (clauseStart[i + 1] = (clauseStart[i] as number) + c.length));
    const cnf: Cnf = { variables: p * h, clauseStart, literals: Int32Array.from(clauses.flat()) };
    expect(() => compileDnnf(cnf, { maxDecisions: 200 })).toThrow(DnnfLimitError);
    expect(() => compileDnnf(cnf, { maxDecisions: 200 })).toThrow(/more than 200 decisions/);
  });
});

/** Random Boolean table models: up to 8 variables, up to 8 tables of arity 1–3 with wildcards. */
const booleanTables: fc.Arbitrary<Model> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .array(
      fc
        .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.min(3, n) })
        .chain((scope) =>
          fc
            .array(
              fc.tuple(
                ...scope.map(() =>
                  fc.oneof(
                    { weight: 4, arbitrary: fc.integer({ min: 0, max: 1 }) },
                    { weight: 1, arbitrary: fc.constant(WILDCARD) },
                  ),
                ),
              ),
              { maxLength: 6 },
            )
            .map((rows) => ({ scope, rows: Int32Array.from(rows.flat()) })),
        ),
      { maxLength: 8 },
    )
    .map((cs): Model => ({
      variables: booleanModel(n).variables,
      constraints: cs.map((c, i): Constraint => ({ id: `c${i}`, label: `rule ${i}`, ...c })),
    })),
);

describe('decision-DNNF against the MDD', () => {
  it('agrees on counts, valid domains (also with own choices free) and optimal completion totals', () => {
    fc.assert(
      fc.property(
        booleanTables.chain((m) =>
          fc.tuple(
            fc.constant(m),
            assignmentOf(m),
            fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 16, maxLength: 16 }),
          ),
        ),
        ([model, choices, costs]) => {
          const { circuit } = compileDnnf(cnfOfModel(model));
          const d = compileModel(model);
          expect(dnnfCount(circuit, choices)).toBe(exactCount(d, choices));
          const mdd = validDomains(d, choices);
          expect(dnnfDomains(circuit, choices)).toEqual(mdd.valid);
          const free = validDomains(d, choices, undefined, { ownChoiceFree: true });
          expect(dnnfDomains(circuit, choices, undefined, { ownChoiceFree: true })).toEqual(free.valid);
          const weight = (x: number, v: number): number => costs[2 * x + v] as number;
          expect(dnnfComplete(circuit, choices, weight)?.total).toBe(complete(d, choices, weight)?.total);
        },
      ),
      { numRuns: 400 },
    );
  });
});

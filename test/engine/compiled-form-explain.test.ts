/**
 * Explanations and repairs on the d-DNNF form (issue 20), on random models forced past the MDD (Boolean ones
 * directly, multi-valued ones through the one-hot encoding when the MDD bound is zero), against brute force and
 * the MDD's answers for the same question.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/core/engine/compile.ts';
import {
  compileAny,
  explainAny,
  repairsAny,
  type CompiledForm,
} from '../../src/core/engine/compiled-form.ts';
import { explain } from '../../src/core/engine/explain.ts';
import type { Assignment, Constraint, Model } from '../../src/core/engine/model.ts';
import { repairs } from '../../src/core/engine/repair.ts';
import { assignmentOf, booleanModel, extendsAssignment, smallModel, solutions } from './brute-force.ts';

const consistent = (sols: Int32Array[], a: Assignment): boolean => sols.some((s) => extendsAssignment(s, a));

/** A model, an assignment, a value to explain or take, and its d-DNNF form (skipped where the MDD needs no bound). */
const question = fc
  .oneof(
    booleanModel.map((m) => [m, compileAny(m, { dnnfAbove: 0 })] as const),
    smallModel
      .filter((m) => m.constraints.length >= 2)
      .map((m) => [m, compileAny(m, { maxWork: 0 })] as const),
  )
  .chain(([m, c]) => fc.tuple(fc.constant(m), fc.constant(c), assignmentOf(m), fc.nat()))
  .map(([m, c, a, seed]): [Model, CompiledForm, Map<number, number>, number, number] => {
    const x = seed % m.variables.length;
    const v = Math.floor(seed / 7) % (m.variables[x] as { values: readonly string[] }).values.length;
    return [m, c, a, x, v];
  });

/** How many runs had a d-DNNF form, and of those how many were not Boolean (one-hot) and gave a non-trivial answer. */
const seen = { dnnf: 0, oneHot: 0, answered: 0 };

describe('explanations on the d-DNNF form', () => {
  it('exclude the value, are subset-minimal, equal the MDD choices and name minimal rules', () => {
    fc.assert(
      fc.property(question, ([m, c, a, x, v]) => {
        fc.pre(c.form === 'dnnf');
        seen.dnnf++;
        if (c.form === 'dnnf' && c.oneHot) seen.oneHot++;
        const sols = solutions(m);
        const others = new Map(a);
        others.delete(x);
        fc.pre(consistent(sols, others));
        const e = explainAny(c, others, x, v);
        expect(e === null).toBe(consistent(sols, new Map([...others, [x, v]])));
        const mdd = explain(compileModel(m), others, x, v);
        if (e === null || mdd === null) {
          expect(mdd).toBe(e);
          return;
        }
        seen.answered++;
        // The same deletion order over an exact test: the same choices as the MDD's, not merely as good.
        expect(e.choices).toEqual(mdd.choices);
        for (const [cx, cv] of e.choices) expect(others.get(cx)).toBe(cv);
        const chosen = new Map(e.choices);
        expect(consistent(sols, new Map([...chosen, [x, v]]))).toBe(false);
        for (const [cx] of e.choices) {
          const less = new Map(chosen);
          less.delete(cx);
          expect(consistent(sols, new Map([...less, [x, v]]))).toBe(true);
        }
        expect(e.rulesMinimal).toBe(true);
        const fixed = new Map([...chosen, [x, v]]);
        const only = (rules: readonly number[]) => ({
          variables: m.variables,
          constraints: rules.map((i) => m.constraints[i] as Constraint),
        });
        expect(consistent(solutions(only(e.rules)), fixed)).toBe(false);
        for (const r of e.rules)
          expect(consistent(solutions(only(e.rules.filter((o) => o !== r))), fixed)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(seen.oneHot).toBeGreaterThan(20);
    expect(seen.answered).toBeGreaterThan(30);
  });
});

describe('repairs on the d-DNNF form', () => {
  it('are valid, ranked as brute force ranks every irredundant change set, the best as costly as the MDD one', () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(question, ([m, c, a, x, v]) => {
        fc.pre(c.form === 'dnnf');
        const sols = solutions(m);
        const price = (vx: number, vv: number): number => ((vx * 7 + vv * 13) % 5) * 10;
        const got = repairsAny(c, a, x, v, 3, price);
        const mdd = repairs(compileModel(m), a, x, v, 3, price);
        // The best repair is exact on both forms; further ones may differ where the MDD's 4k cut-off binds.
        expect([got[0]?.changes.length, got[0]?.priceMoved]).toEqual([
          mdd[0]?.changes.length,
          mdd[0]?.priceMoved,
        ]);
        // Brute force: every distinct change set a valid build with x = v reaches, the irredundant ones ranked.
        const cost = new Map<string, [number, number, Set<string>]>();
        for (const s of sols) {
          if (s[x] !== v) continue;
          const ch = [...a].filter(([cx, cv]) => cx !== x && s[cx] !== cv);
          const set = new Set(ch.map(([cx]) => `${cx}=${s[cx]}`));
          const moved = ch.reduce(
            (t, [cx, cv]) => t + Math.abs(price(cx, s[cx] as number) - price(cx, cv)),
            0,
          );
          cost.set([...set].sort().join(';'), [ch.length, moved, set]);
        }
        const all = [...cost.values()];
        const ranked = all
          .filter(([, , set]) => !all.some(([, , o]) => o.size < set.size && [...o].every((e) => set.has(e))))
          .map(([n, p]): [number, number] => [n, p])
          .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        expect(got.map((r) => [r.changes.length, r.priceMoved])).toEqual(ranked.slice(0, 3));
        if (got.some((r) => r.changes.length > 0)) nonTrivial++;
        const keys = new Set<string>();
        for (const r of got) {
          const fixed = new Map(a);
          for (const ch of r.changes) {
            expect(a.get(ch.variable)).toBe(ch.from);
            expect(ch.to).not.toBe(ch.from);
            fixed.set(ch.variable, ch.to);
          }
          fixed.set(x, v);
          expect(consistent(sols, fixed)).toBe(true);
          keys.add(
            r.changes
              .map((ch) => `${ch.variable}=${ch.to}`)
              .sort()
              .join(';'),
          );
        }
        expect(keys.size).toBe(got.length);
      }),
      { numRuns: 300 },
    );
    expect(nonTrivial).toBeGreaterThan(30);
  });
});

/** Every query of the engine against brute-force enumeration on hundreds of random small models. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/core/engine/compile.ts';
import { complete } from '../../src/core/engine/complete.ts';
import { exactCount } from '../../src/core/engine/count.ts';
import { validDomains } from '../../src/core/engine/domains.ts';
import { explain, explainConflict } from '../../src/core/engine/explain.ts';
import { type Assignment, type Constraint, type Model } from '../../src/core/engine/model.ts';
import { repairs } from '../../src/core/engine/repair.ts';
import { assignmentOf, extendsAssignment, smallModel, solutions } from './brute-force.ts';

const withAssignment = smallModel.chain((m) => fc.tuple(fc.constant(m), assignmentOf(m), fc.boolean()));
const compileBoth = (m: Model, reversed: boolean) =>
  compileModel(m, reversed ? { order: m.variables.map((_, i) => m.variables.length - 1 - i) } : {});
const consistent = (sols: Int32Array[], a: Assignment): boolean => sols.some((s) => extendsAssignment(s, a));
/**
 * A small model with one more variable defined as a function of one or two others (a definition, rule -1) that a
 * unary table then restricts, and its constraints grouped at random into rules 0..2.
 */
const withDefinition = smallModel
  .filter((m) => m.variables.length >= 2)
  .chain((m) =>
    fc.tuple(
      fc.constant(m),
      fc.uniqueArray(fc.nat({ max: m.variables.length - 1 }), { minLength: 1, maxLength: 2 }),
      fc.array(fc.nat({ max: 2 }), { minLength: 64, maxLength: 64 }),
      fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 1, maxLength: 2 }),
      fc.array(fc.nat({ max: 2 }), {
        minLength: m.constraints.length + 1,
        maxLength: m.constraints.length + 1,
      }),
    ),
  )
  .chain(([m, inputs, fn, allowed, groups]) => {
    const sizes = inputs.map((x) => (m.variables[x] as { values: readonly string[] }).values.length);
    const rows: number[] = [];
    const combos = sizes.reduce((a, b) => a * b, 1);
    for (let n = 0; n < combos; n++) {
      const values =
        sizes.length === 1 ? [n] : [Math.floor(n / (sizes[1] as number)), n % (sizes[1] as number)];
      rows.push(...values, fn[n] as number);
    }
    const y = m.variables.length;
    const model: Model = {
      variables: [...m.variables, { name: 'defined', values: ['d0', 'd1', 'd2'] }],
      constraints: [
        ...m.constraints,
        { id: 'definition', label: 'definition', scope: [...inputs, y], rows: Int32Array.from(rows) },
        { id: 'on-defined', label: 'on defined', scope: [y], rows: Int32Array.from(allowed) },
      ],
    };
    const n = m.constraints.length;
    const rules: readonly number[] = [...groups.slice(0, n), -1, groups[n] as number];
    return fc.tuple(fc.constant(model), fc.constant(rules), assignmentOf(m));
  });
const valueOf = (m: Model, seed: number): [number, number] => {
  const x = seed % m.variables.length;
  return [x, Math.floor(seed / 7) % (m.variables[x] as { values: readonly string[] }).values.length];
};

describe('valid domains and counts', () => {
  it('equal brute-force enumeration', () => {
    fc.assert(
      fc.property(withAssignment, ([m, a, rev]) => {
        const d = compileBoth(m, rev);
        const sols = solutions(m).filter((s) => extendsAssignment(s, a));
        expect(exactCount(d, a)).toBe(BigInt(sols.length));
        const r = validDomains(d, a);
        expect(r.count).toBe(sols.length);
        m.variables.forEach((v, x) =>
          v.values.forEach((_, i) => {
            const want = sols.some((s) => s[x] === i);
            expect(r.valid[(r.valueOffset[x] as number) + i] === 1).toBe(want);
          }),
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe('explanations', () => {
  it('exclude the value and are subset-minimal', () => {
    fc.assert(
      fc.property(withAssignment, fc.nat(), ([m, a, rev], seed) => {
        const d = compileBoth(m, rev);
        const sols = solutions(m);
        const [x, v] = valueOf(m, seed);
        const others = new Map(a);
        others.delete(x);
        fc.pre(consistent(sols, others));
        const e = explain(d, others, x, v);
        const available = consistent(sols, new Map([...others, [x, v]]));
        expect(e === null).toBe(available);
        if (e === null) return;
        for (const [cx, cv] of e.choices) expect(others.get(cx)).toBe(cv);
        const c = new Map(e.choices);
        expect(consistent(sols, new Map([...c, [x, v]]))).toBe(false);
        for (const [cx] of e.choices) {
          const less = new Map(c);
          less.delete(cx);
          expect(consistent(sols, new Map([...less, [x, v]]))).toBe(true);
        }
        expect(e.rules.length).toBeGreaterThan(0);
        // The rules are minimal too: with the choices, they alone exclude the value; without any one, not.
        expect(e.rulesMinimal).toBe(true);
        const fixed = new Map([...c, [x, v]]);
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
  });

  it('name minimal rules when rules span several constraints and definitions', () => {
    fc.assert(
      fc.property(withDefinition, fc.nat(), fc.boolean(), ([m, groups, a], seed, rev) => {
        const d = compileBoth(m, rev);
        const sols = solutions(m);
        const [x, v] = valueOf(m, seed);
        const others = new Map(a);
        others.delete(x);
        fc.pre(consistent(sols, others));
        const e = explain(d, others, x, v, { rules: groups });
        if (e === null) return;
        expect(e.rulesMinimal).toBe(true);
        expect(e.rules.every((r) => r >= 0)).toBe(true);
        // Definitions are functions of other variables: keeping all of them never excludes a build by itself.
        const under = (rules: readonly number[]) => ({
          variables: m.variables,
          constraints: m.constraints.filter((_, i) => {
            const r = groups[i] as number;
            return r < 0 || rules.includes(r);
          }),
        });
        const fixed = new Map([...e.choices, [x, v]]);
        expect(consistent(solutions(under(e.rules)), fixed)).toBe(false);
        for (const r of e.rules)
          expect(consistent(solutions(under(e.rules.filter((o) => o !== r))), fixed)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('of an inconsistent assignment are minimal conflicts', () => {
    fc.assert(
      fc.property(withAssignment, ([m, a, rev]) => {
        const sols = solutions(m);
        fc.pre(!consistent(sols, a) && sols.length > 0);
        const e = explainConflict(compileBoth(m, rev), a);
        const c = new Map(e.choices);
        expect(consistent(sols, c)).toBe(false);
        for (const [cx] of e.choices) {
          const less = new Map(c);
          less.delete(cx);
          expect(consistent(sols, less)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('repairs', () => {
  it('are valid, fewest changes first, then least price moved, and none better is omitted', () => {
    fc.assert(
      fc.property(withAssignment, fc.nat(), ([m, a, rev], seed) => {
        const d = compileBoth(m, rev);
        const sols = solutions(m);
        const [x, v] = valueOf(m, seed);
        const price = (vx: number, vv: number): number => ((vx * 7 + vv * 13) % 5) * 10;
        const got = repairs(d, a, x, v, 3, price);
        // Brute force: every distinct change set reachable by a solution with x = v.
        const cost = new Map<string, [number, number, Set<string>]>();
        for (const s of sols) {
          if (s[x] !== v) continue;
          const ch = [...a].filter(([cx, cv]) => cx !== x && s[cx] !== cv);
          const key = ch
            .map(([cx]) => `${cx}=${s[cx]}`)
            .sort()
            .join(';');
          const moved = ch.reduce(
            (t, [cx, cv]) => t + Math.abs(price(cx, s[cx] as number) - price(cx, cv)),
            0,
          );
          cost.set(key, [ch.length, moved, new Set(ch.map(([cx]) => `${cx}=${s[cx]}`))]);
        }
        const all = [...cost.values()];
        const irredundant = all.filter(
          ([, , set]) => !all.some(([, , o]) => o.size < set.size && [...o].every((c) => set.has(c))),
        );
        const ranked = irredundant
          .map(([n, p]): [number, number] => [n, p])
          .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        if (ranked.length === 0) {
          expect(got).toEqual([]);
          return;
        }
        const best = ranked[0] as [number, number];
        const first = got[0];
        expect(first).toBeDefined();
        expect([first?.changes.length, first?.priceMoved]).toEqual(best);
        expect(got.length).toBe(Math.min(3, ranked.length));
        const keys = new Set<string>();
        got.forEach((r, i) => {
          const fixed = new Map(a);
          for (const c of r.changes) {
            expect(a.get(c.variable)).toBe(c.from);
            fixed.set(c.variable, c.to);
          }
          fixed.set(x, v);
          expect(consistent(sols, fixed)).toBe(true);
          const rank = ranked[i] as [number, number];
          expect([r.changes.length, r.priceMoved]).toEqual(rank);
          keys.add(
            r.changes
              .map((c) => `${c.variable}=${c.to}`)
              .sort()
              .join(';'),
          );
        });
        expect(keys.size).toBe(got.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('optimal completion', () => {
  it('is valid, keeps the choices and is optimal (min price and max score)', () => {
    fc.assert(
      fc.property(withAssignment, fc.boolean(), ([m, a, rev], maximise) => {
        const d = compileBoth(m, rev);
        const sols = solutions(m).filter((s) => extendsAssignment(s, a));
        const w = (x: number, v: number): number => ((x * 31 + v * 17) % 11) - 3;
        const got = complete(d, a, w, maximise);
        if (sols.length === 0) {
          expect(got).toBeNull();
          return;
        }
        expect(got).not.toBeNull();
        const build = got?.build as Int32Array;
        expect(sols.some((s) => s.every((val, i) => val === build[i]))).toBe(true);
        const totals = sols.map((s) => s.reduce((t, val, x) => t + w(x, val), 0));
        expect(got?.total).toBe(maximise ? Math.max(...totals) : Math.min(...totals));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Baselines for bench/engine.ts, what an engineer would otherwise pick (issue 10): a covering loop over the SAT
 * solver logic-solver on a direct CNF encoding, or one plain backtracking search per candidate value.
 */
import Logic from 'logic-solver';
import { WILDCARD, type Assignment, type Model } from '../src/core/engine/model.ts';
import { valueOffsets } from '../src/core/engine/domains.ts';

/** Valid-domain masks (as in DomainsResult.valid) for an assignment, or undefined if the search gave up. */
export type Baseline = (a: Assignment) => Uint8Array | undefined;

/**
 * Covering loop over logic-solver: solve, mark every value of the solution, demand an unseen value, repeat.
 * Direct encoding: one Boolean per (variable, value), exactly one per variable; one selector per table row.
 */
export function logicSolverBaseline(model: Model): Baseline {
  const solver = new Logic.Solver();
  const lit = (x: number, v: number): string => `v${x}_${v}`;
  model.variables.forEach((v, x) => solver.require(Logic.exactlyOne(...v.values.map((_, i) => lit(x, i)))));
  model.constraints.forEach((c, ci) => {
    const arity = c.scope.length;
    const selectors: string[] = [];
    for (let r = 0; r * arity < c.rows.length; r++) {
      const s = `c${ci}_${r}`;
      selectors.push(s);
      for (let j = 0; j < arity; j++) {
        const v = c.rows[r * arity + j] as number;
        if (v !== WILDCARD) solver.require(Logic.implies(s, lit(c.scope[j] as number, v)));
      }
    }
    solver.require(Logic.or(...selectors));
  });
  const off = valueOffsets(model);
  return (a) => {
    const valid = new Uint8Array(off[model.variables.length] as number);
    const fixed = [...a].map(([x, v]) => lit(x, v));
    for (;;) {
      const unseen: string[] = [];
      model.variables.forEach((v, x) => {
        if (a.has(x)) return;
        v.values.forEach((_, i) => {
          if (!valid[(off[x] as number) + i]) unseen.push(lit(x, i));
        });
      });
      const first = valid.every((b) => b === 0);
      if (!first && unseen.length === 0) break;
      const sol = solver.solveAssuming(Logic.and(...fixed, ...(first ? [] : [Logic.or(...unseen)])));
      if (sol === null) break;
      for (const t of sol.getTrueVars()) {
        const m = /^v(\d+)_(\d+)$/.exec(t);
        if (m) valid[(off[Number(m[1])] as number) + Number(m[2])] = 1;
      }
    }
    return valid;
  };
}

/**
 * One backtracking search (with backward checking of partially assigned tables) per candidate value not yet seen in
 * a solution; every solution found marks its values. Gives up on a click after `timeLimitMs`.
 */
export function backtrackingBaseline(model: Model, order: readonly number[], timeLimitMs = 20_000): Baseline {
  const n = model.variables.length;
  const off = valueOffsets(model);
  const watch = model.variables.map(() => [] as number[]);
  model.constraints.forEach((c, ci) => c.scope.forEach((x) => watch[x]?.push(ci)));
  const value = new Int32Array(n).fill(-1);
  const compatible = (ci: number): boolean => {
    const c = model.constraints[ci] as Model['constraints'][number];
    const arity = c.scope.length;
    for (let r = 0; r < c.rows.length; r += arity) {
      let ok = true;
      for (let j = 0; j < arity; j++) {
        const want = c.rows[r + j] as number;
        const have = value[c.scope[j] as number] as number;
        if (want !== WILDCARD && have >= 0 && want !== have) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  };
  let nodes = 0;
  let deadline = Infinity;
  const search = (depth: number): boolean | undefined => {
    if (depth === n) return true;
    const x = order[depth] as number;
    if ((value[x] as number) >= 0) return search(depth + 1);
    const size = (model.variables[x] as { values: readonly string[] }).values.length;
    for (let v = 0; v < size; v++) {
      if ((++nodes & 1023) === 0 && performance.now() > deadline) return undefined;
      value[x] = v;
      if ((watch[x] as number[]).every(compatible)) {
        const r = search(depth + 1);
        if (r !== false) {
          if (r === undefined) value[x] = -1;
          return r;
        }
      }
    }
    value[x] = -1;
    return false;
  };
  return (a) => {
    const valid = new Uint8Array(off[n] as number);
    deadline = performance.now() + timeLimitMs;
    for (let x = 0; x < n; x++) {
      for (let v = 0; v < (model.variables[x] as { values: readonly string[] }).values.length; v++) {
        if (valid[(off[x] as number) + v] || (a.has(x) && a.get(x) !== v)) continue;
        value.fill(-1);
        for (const [y, w] of a) value[y] = w;
        value[x] = v;
        const fixedOk = [...a.keys(), x].every((y) => (watch[y] as number[]).every(compatible));
        const r = fixedOk ? search(0) : false;
        if (r === undefined) return undefined;
        if (r) for (let y = 0; y < n; y++) valid[(off[y] as number) + (value[y] as number)] = 1;
      }
    }
    return valid;
  };
}

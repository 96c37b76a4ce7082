/**
 * Baselines for bench/engine.ts, what an engineer would otherwise pick (issue 10): a covering loop over the SAT
 * solver logic-solver on a direct CNF encoding here, and a search with propagation in engine-baseline-search.ts where
 * logic-solver's fixed 64 MB heap aborts.
 */
import Logic from 'logic-solver';
import { WILDCARD, type Assignment, type Model } from '../src/core/engine/model.ts';
import { valueOffsets } from '../src/core/engine/domains.ts';

/** Valid-domain masks (as in DomainsResult.valid) for an assignment, or undefined if the search gave up. */
export type Baseline = (a: Assignment) => Uint8Array | undefined;

/**
 * Covering loop over logic-solver: solve, mark every value of the solution, demand an unseen value, repeat.
 * Direct encoding: one Boolean per (variable, value), exactly one per variable; one selector per table row.
 * Each demand adds clauses that stay in the solver, so its fixed 64 MB heap fills up over many clicks: when
 * MiniSat aborts, the solver is rebuilt and the click redone (its time includes the rebuild; `onRestart` counts);
 * if a fresh solver aborts too, logic-solver cannot hold the instance and the click gives up (undefined).
 */
export function logicSolverBaseline(model: Model, onRestart: () => void = () => {}): Baseline {
  const lit = (x: number, v: number): string => `v${x}_${v}`;
  const build = (): InstanceType<typeof Logic.Solver> => {
    const solver = new Logic.Solver();
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
    return solver;
  };
  let solver = build();
  const off = valueOffsets(model);
  const cover = (a: Assignment): Uint8Array => {
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
  const isAbort = (err: unknown): boolean => typeof err === 'string' && err.startsWith('abort()');
  return (a) => {
    // MiniSat's abort message goes to console.log, which would break the bench's one-JSON-line-per-instance output.
    const log = console.log;
    console.log = () => {};
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          return cover(a);
        } catch (err) {
          // Emscripten's abort throws a string; anything else is a real fault.
          if (!isAbort(err)) throw err;
          onRestart();
          solver = build();
        }
      }
      return undefined;
    } finally {
      console.log = log;
    }
  };
}

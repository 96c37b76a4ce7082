import { WILDCARD, type Model } from '../engine/model.ts';
import { satisfiable } from '../engine/satisfiable.ts';

/** Beyond this many combinations of a table's scope, its complement is not enumerated (the caller recompiles). */
const MAX_BOX = 20_000;

/** The combinations of the constraint's scope that no row of its table matches. Undefined past {@link MAX_BOX}. */
function forbiddenTuples(model: Model, c: number): number[][] | undefined {
  const { scope, rows } = model.constraints[c] as Model['constraints'][number];
  const sizes = scope.map((x) => model.variables[x]?.values.length ?? 0);
  const box = sizes.reduce((a, s) => a * s, 1);
  if (box > MAX_BOX) return undefined;
  const arity = scope.length;
  const allowed = new Uint8Array(box);
  // Mark every combination each row matches (a wildcard matches every value of its variable).
  for (let r = 0; r < rows.length; r += arity) {
    let codes = [0];
    for (let i = 0; i < arity; i++) {
      const v = rows[r + i] as number;
      const size = sizes[i] as number;
      const values = v === WILDCARD ? Array.from({ length: size }, (_, k) => k) : [v];
      codes = codes.flatMap((code) => values.map((w) => code * size + w));
    }
    for (const code of codes) allowed[code] = 1;
  }
  const out: number[][] = [];
  for (let code = 0; code < box; code++) {
    if (allowed[code]) continue;
    const tuple = new Array<number>(arity);
    let rest = code;
    for (let i = arity - 1; i >= 0; i--) {
      const size = sizes[i] as number;
      tuple[i] = rest % size;
      rest = Math.floor(rest / size);
    }
    out.push(tuple);
  }
  return out;
}

/**
 * Whether every solution of the `subset` constraints satisfies constraint `c`: no combination its table forbids
 * extends to a solution of the subset, each combination refuted by a complete search (satisfiable.ts).
 * Pre: `c` is not in `subset`. Post: exact true/false; undefined when the deadline (a `performance.now()` time)
 * passes first or the scope has more than {@link MAX_BOX} combinations.
 */
export function impliedBy(
  model: Model,
  subset: readonly number[],
  c: number,
  deadline: number,
): boolean | undefined {
  const forbidden = forbiddenTuples(model, c);
  if (forbidden === undefined) return undefined;
  const scope = (model.constraints[c] as Model['constraints'][number]).scope;
  for (const tuple of forbidden) {
    const fixed = new Map(scope.map((x, i) => [x, tuple[i] as number]));
    const sat = satisfiable(model, subset, fixed, deadline);
    if (sat !== false) return sat === true ? false : undefined;
  }
  return true;
}

/** Whether every constraint of `constraints` is implied (see {@link impliedBy}); false as soon as one is not. */
export function allImpliedBy(
  model: Model,
  subset: readonly number[],
  constraints: readonly number[],
  deadline: number,
): boolean | undefined {
  let unknown = false;
  for (const c of constraints) {
    const r = impliedBy(model, subset, c, deadline);
    if (r === false) return false;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

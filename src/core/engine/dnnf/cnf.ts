/**
 * The decision-DNNF compiler's input: a CNF over Boolean variables, taken from a table model whose variables all
 * have two values (the DIMACS importer's models, or any Boolean catalog).
 *
 * A literal is `2·x + v`: "variable x takes value index v", so it indexes per-value arrays directly and its
 * negation is `l ^ 1`. For a DIMACS model (values "0", "1") the positive literal of x is `2·x + 1`.
 */
import { WILDCARD, type Constraint, type Model } from '../model.ts';

export interface Cnf {
  readonly variables: number;
  /** Clause k is `literals[clauseStart[k] .. clauseStart[k+1]-1]`, duplicate-free and not tautological. */
  readonly clauseStart: Int32Array;
  readonly literals: Int32Array;
  /** Exactly-one groups, when the CNF encodes a multi-valued model (one-hot). */
  readonly groups?: Groups;
}

/**
 * A multi-valued model's structure in its one-hot CNF: group g is variables `start[g] .. start[g+1]-1` (every
 * variable in one group, exactly one true by the CNF's clauses), and table t's scope is groups
 * `scopes[scopeStart[t] .. scopeStart[t+1]-1]`, every other clause coming from one of them. The compiler decides a
 * group's variables one after the other, steers by the groups' graph, and finds components and their signatures
 * over groups and tables (`group-components.ts`) instead of thousands of clauses.
 */
export interface Groups {
  readonly start: Int32Array;
  /** Table t's clauses are `tableClauses[t] .. tableClauses[t+1]-1`. */
  readonly tableClauses: Int32Array;
  readonly scopeStart: Int32Array;
  readonly scopes: Int32Array;
}

/** The model is not Boolean, or its tables need more clauses than allowed. */
export class CnfError extends Error {
  override readonly name = 'CnfError';
}

/** The literal "x takes value index v". */
export const literal = (x: number, v: number): number => 2 * x + v;

/**
 * The clauses that forbid exactly the tuples a table does not allow: a depth-first split of the scope in order,
 * stopping where a row with only wildcards left covers every extension of the prefix, and emitting the prefix's
 * negation where no row matches. A DIMACS clause's table (starred rows) gives back exactly its clause.
 */
function tableClauses(c: Constraint, out: number[][], limit: number): void {
  const k = c.scope.length;
  if (k === 0) return;
  const rows = c.rows;
  const prefix: number[] = [];
  const covered = (r: number, depth: number): boolean => {
    for (let i = depth; i < k; i++) if (rows[r * k + i] !== WILDCARD) return false;
    return true;
  };
  const split = (depth: number, live: number[]): void => {
    if (live.some((r) => covered(r, depth))) return;
    if (live.length === 0) {
      if (out.length >= limit) throw new CnfError(`more than ${limit} clauses`);
      out.push(prefix.map((v, i) => literal(c.scope[i] as number, 1 - v)));
      return;
    }
    for (let v = 0; v < 2; v++) {
      prefix.push(v);
      split(
        depth + 1,
        live.filter((r) => {
          const e = rows[r * k + depth];
          return e === WILDCARD || e === v;
        }),
      );
      prefix.pop();
    }
  };
  split(
    0,
    Array.from({ length: rows.length / k }, (_, r) => r),
  );
}

/**
 * The CNF of a Boolean table model.
 * Pre: the model is valid. Post: a CNF whose models are exactly the model's valid builds (literal `2x+v` ⇔ value v
 * of x); throws {@link CnfError} if a variable has other than two values or the clauses would exceed `maxClauses`.
 */
export function cnfOfModel(model: Model, maxClauses = 4_000_000): Cnf {
  model.variables.forEach((v) => {
    if (v.values.length !== 2) throw new CnfError(`variable ${v.name} has ${v.values.length} values, not 2`);
  });
  const clauses: number[][] = [];
  for (const c of model.constraints) tableClauses(c, clauses, maxClauses);
  const clauseStart = new Int32Array(clauses.length + 1);
  clauses.forEach((cl, i) => (clauseStart[i + 1] = (clauseStart[i] as number) + cl.length));
  return {
    variables: model.variables.length,
    clauseStart,
    literals: Int32Array.from(clauses.flat()),
  };
}

/**
 * The constraint model every input compiles to: finite-domain variables and positive tables.
 *
 * A variable's domain is an ordered list of values kept as strings exactly as written in the source, so that
 * answers print what the author wrote. Everywhere else a value is its index in that list. A constraint is a
 * positive table over a scope: a build satisfies it when its projection on the scope matches one of the rows,
 * where a row entry {@link WILDCARD} matches any value.
 */

/** A row entry that matches any value of its variable (XCSP3's `*`). */
export const WILDCARD = -1;

export interface Variable {
  readonly name: string;
  /** Ordered, duplicate-free, non-empty. */
  readonly values: readonly string[];
}

export interface Constraint {
  /** Stable id from the source (rule id, XCSP `id`), unique in its model. */
  readonly id: string;
  /** Words for a shopper or an engineer, used in explanations. */
  readonly label: string;
  /** Variable indices, pairwise distinct. */
  readonly scope: readonly number[];
  /** Row-major rows of `scope.length` value indices (or {@link WILDCARD}); `rows.length` is a multiple of the arity. */
  readonly rows: Int32Array;
}

export interface Model {
  readonly variables: readonly Variable[];
  readonly constraints: readonly Constraint[];
}

/** A partial build: variable index → value index. */
export type Assignment = ReadonlyMap<number, number>;

/** Thrown for a model that breaks the invariants above, or a name that is not in it. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

/**
 * Checks the model's invariants.
 * Pre: none. Post: returns normally iff every domain is non-empty and duplicate-free, names are unique, every scope
 * names existing distinct variables, and every row entry is a value index of its variable or {@link WILDCARD};
 * otherwise throws {@link ModelError} naming the first fault.
 */
export function validateModel(model: Model): void {
  const names = new Set<string>();
  for (const v of model.variables) {
    if (names.has(v.name)) throw new ModelError(`variable ${v.name} is declared twice`);
    names.add(v.name);
    if (v.values.length === 0) throw new ModelError(`variable ${v.name} has an empty domain`);
    if (new Set(v.values).size !== v.values.length)
      throw new ModelError(`variable ${v.name} repeats a value`);
  }
  const ids = new Set<string>();
  for (const c of model.constraints) {
    if (ids.has(c.id)) throw new ModelError(`constraint ${c.id} is declared twice`);
    ids.add(c.id);
    const arity = c.scope.length;
    if (new Set(c.scope).size !== arity)
      throw new ModelError(`constraint ${c.id} repeats a variable in its scope`);
    const doms = c.scope.map((x) => {
      const v = model.variables[x];
      if (v === undefined)
        throw new ModelError(`constraint ${c.id} names variable #${x}, which does not exist`);
      return v.values.length;
    });
    if (arity === 0 ? c.rows.length !== 0 : c.rows.length % arity !== 0) {
      throw new ModelError(`constraint ${c.id} has a ragged table`);
    }
    for (let i = 0; i < c.rows.length; i++) {
      const val = c.rows[i] as number;
      const dom = doms[i % arity] as number;
      if (val !== WILDCARD && (val < 0 || val >= dom || !Number.isInteger(val))) {
        throw new ModelError(
          `constraint ${c.id} row ${Math.floor(i / arity)} has a value outside its domain`,
        );
      }
    }
  }
}

/**
 * Whether a complete build (value index per variable) satisfies one constraint.
 * Pre: `build.length === model.variables.length`, entries in range. Post: true iff some row matches.
 */
export function satisfies(c: Constraint, build: ArrayLike<number>): boolean {
  const arity = c.scope.length;
  const rows = c.rows;
  for (let r = 0; r < rows.length; r += arity) {
    let ok = true;
    for (let i = 0; i < arity; i++) {
      const want = rows[r + i] as number;
      if (want !== WILDCARD && want !== build[c.scope[i] as number]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return arity === 0;
}

/** Name → variable index, and per variable value → value index, for turning user input into an {@link Assignment}. */
export interface ModelIndex {
  readonly variable: ReadonlyMap<string, number>;
  readonly value: readonly ReadonlyMap<string, number>[];
}

/** Builds the name lookups of a model. Pre: the model is valid. */
export function indexModel(model: Model): ModelIndex {
  return {
    variable: new Map(model.variables.map((v, i) => [v.name, i])),
    value: model.variables.map((v) => new Map(v.values.map((s, i) => [s, i]))),
  };
}

/**
 * Turns named choices into an assignment.
 * Pre: none. Post: every entry maps an existing variable to one of its values; otherwise throws {@link ModelError}
 * naming the unknown variable or value.
 */
export function toAssignment(
  index: ModelIndex,
  named: Iterable<readonly [string, string]>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const [name, value] of named) {
    const x = index.variable.get(name);
    if (x === undefined) throw new ModelError(`unknown variable ${name}`);
    const v = index.value[x]?.get(value);
    if (v === undefined) throw new ModelError(`unknown value ${value} for variable ${name}`);
    out.set(x, v);
  }
  return out;
}

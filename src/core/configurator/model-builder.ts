import type { Constraint, Variable } from '../engine/model.ts';

/** Thrown when a catalog rule would need a table larger than {@link MAX_ROWS}; names the rule. */
export class CatalogCompileError extends Error {
  override readonly name = 'CatalogCompileError';
}

const MAX_ROWS = 2_000_000;

/** A test on one variable: holds when its value index is in `accept`. */
export interface Literal {
  variable: number;
  accept: ReadonlySet<number>;
}

/** A summand over some variables (e.g. an option's watts times the chosen quantity). */
export interface Term {
  vars: number[];
  weight: (values: readonly number[]) => number;
}

/** Totals are rounded to thousandths so that float drift (0.1 + 0.2) does not tell apart totals equal as written. */
export const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The model under construction: variables, tables with their origin (the catalog rule, package, slot or price rule
 * each comes from), per-value costs, and the intended diagram position of each user variable.
 */
export class ModelBuilder {
  readonly variables: Variable[] = [];
  readonly constraints: Constraint[] = [];
  readonly origin = new Map<string, string>();
  readonly definitions = new Set<string>();
  readonly costs = new Map<number, Float64Array>();
  /** Position of each user variable in the intended diagram order. */
  readonly rank = new Map<number, number>();
  private readonly counters = new Map<string, number>();
  /** Partial-OR chains by key, shared across rules: the same multi-slot test is built once. */
  private readonly memo = new Map<string, Literal>();

  variable(name: string, values: string[]): number {
    this.variables.push({ name, values });
    return this.variables.length - 1;
  }

  aux(kind: string, values: string[]): number {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    return this.variable(`~${kind}${n}`, values);
  }

  domain(v: number): number {
    return this.variables[v]?.values.length ?? 0;
  }

  /** `defines`: the table gives its last variable as a function of the others (see CatalogModel.definitions). */
  table(origin: string, label: string, scope: number[], rows: number[][], defines = false): void {
    const id = `${origin}#${this.constraints.length}`;
    const flat = new Int32Array(rows.length * scope.length);
    rows.forEach((row, r) => flat.set(row, r * scope.length));
    this.constraints.push({ id, label, scope, rows: flat });
    this.origin.set(id, origin);
    if (defines) this.definitions.add(id);
  }

  /** Runs `add` and returns the tables it added, in order. */
  collect(add: () => void): readonly Constraint[] {
    const from = this.constraints.length;
    add();
    return this.constraints.slice(from);
  }

  /** A table over the distinct `scope` of every combination satisfying `holds`; skipped when all combinations do. */
  enumerate(
    origin: string,
    label: string,
    scope: number[],
    holds: (values: readonly number[]) => boolean,
    defines = false,
  ): void {
    const sizes = scope.map((v) => this.domain(v));
    const total = sizes.reduce((a, b) => a * b, 1);
    if (total > MAX_ROWS)
      throw new CatalogCompileError(`rule ${origin} spans ${total} combinations (limit ${MAX_ROWS})`);
    const rows: number[][] = [];
    const values = new Array<number>(scope.length).fill(0);
    for (let n = 0; n < total; n++) {
      let rest = n;
      for (let i = scope.length - 1; i >= 0; i--) {
        const size = sizes[i] ?? 1;
        values[i] = rest % size;
        rest = Math.floor(rest / size);
      }
      if (holds(values)) rows.push([...values]);
    }
    if (rows.length < total) this.table(origin, label, scope, rows, defines);
  }

  addCost(v: number, value: number, cents: number): void {
    let costs = this.costs.get(v);
    if (!costs) {
      costs = new Float64Array(this.domain(v));
      this.costs.set(v, costs);
    }
    costs[value] = (costs[value] ?? 0) + cents;
  }

  /** An auxiliary 0/1 variable equal to the OR of `literals`, built as a chain of partial ORs. */
  or(literals: Literal[], key: string, origin: string): Literal {
    const known = this.memo.get(key);
    if (known) return known;
    let acc: Literal | undefined;
    for (const literal of literals) {
      if (!acc) {
        acc = literal;
        continue;
      }
      const prev = acc;
      const next = this.aux('or', ['0', '1']);
      this.enumerate(
        origin,
        'either',
        [prev.variable, literal.variable, next],
        ([p, x, o]) => {
          const value = prev.accept.has(p ?? -1) || literal.accept.has(x ?? -1);
          return o === (value ? 1 : 0);
        },
        true,
      );
      acc = { variable: next, accept: new Set([1]) };
    }
    if (!acc) throw new CatalogCompileError(`empty disjunction in ${origin}`);
    this.memo.set(key, acc);
    return acc;
  }

  /** Every value combination of `vars` (last variable fastest) with the term's weight for it. */
  combos(term: Term): { values: number[][]; weights: number[] } {
    const sizes = term.vars.map((v) => this.domain(v));
    const total = sizes.reduce((x, y) => x * y, 1);
    const values: number[][] = [];
    const weights: number[] = [];
    for (let n = 0; n < total; n++) {
      let rest = n;
      const combo = new Array<number>(term.vars.length);
      for (let i = term.vars.length - 1; i >= 0; i--) {
        const size = sizes[i] ?? 1;
        combo[i] = rest % size;
        rest = Math.floor(rest / size);
      }
      values.push(combo);
      weights.push(round(term.weight(combo)));
    }
    return { values, weights };
  }
}

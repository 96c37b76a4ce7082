/**
 * Multi-valued table models as CNF by the direct (one-hot) encoding, so the decision-DNNF handles any model: a
 * Boolean `b(x,v)` per value (numbered like the MDD's per-value arrays, `valueOffset[x] + v`), exactly one true per
 * variable, and per table the clauses forbidding the tuples it does not allow. Builds and models correspond one to
 * one (no auxiliary variable), so counts, domains and completions read off the circuit directly.
 */
import { valueOffsets } from '../domains.ts';
import { WILDCARD, type Assignment, type Constraint, type Model } from '../model.ts';
import { CnfError, type Cnf } from './cnf.ts';

/**
 * Whether a model's circuit is over the model's own variables (every one Boolean: literal 2x+v is value v of x) or
 * over one-hot variables, one per value. The compiler and the circuit's reader must agree, so both ask here.
 */
export const isBoolean = (model: Model): boolean => model.variables.every((v) => v.values.length === 2);

/** Where each value's Boolean is: all the queries need (a circuit read from bytes has no CNF). */
export interface OneHotMap {
  /** Boolean variable of value v of x is `valueOffset[x] + v`; the last entry is their number. */
  readonly valueOffset: Int32Array;
}

export interface OneHot extends OneHotMap {
  readonly cnf: Cnf;
}

/**
 * The forbidden tuples of a table, split over its scope in order: at each depth the values no live row allows are
 * forbidden together by one clause "prefix ⇒ x is one of the other values" (exactly-one makes that equivalent to
 * forbidding each), then each allowed value is split further; a row with only wildcards left covers the rest.
 */
function tableClauses(
  c: Constraint,
  offset: Int32Array,
  sizes: readonly number[],
  out: number[][],
  limit: number,
): void {
  const k = c.scope.length;
  if (k === 0) return;
  const rows = c.rows;
  const negPrefix: number[] = [];
  const emit = (clause: number[]): void => {
    if (out.length >= limit) throw new CnfError(`more than ${limit} clauses`);
    out.push(clause);
  };
  const split = (depth: number, live: number[]): void => {
    if (live.some((r) => rows.subarray(r * k + depth, r * k + k).every((e) => e === WILDCARD))) return;
    const x = c.scope[depth] as number;
    const base = offset[x] as number;
    const size = sizes[x] as number;
    const byValue: number[][] = Array.from({ length: size }, () => []);
    for (const r of live) {
      const e = rows[r * k + depth] as number;
      if (e === WILDCARD) byValue.forEach((rs) => rs.push(r));
      else (byValue[e] as number[]).push(r);
    }
    const allowedValues = byValue.flatMap((rs, v) => (rs.length > 0 ? [v] : []));
    if (allowedValues.length < size) emit([...negPrefix, ...allowedValues.map((v) => 2 * (base + v) + 1)]);
    for (const v of allowedValues) {
      negPrefix.push(2 * (base + v));
      split(depth + 1, byValue[v] as number[]);
      negPrefix.pop();
    }
  };
  split(
    0,
    Array.from({ length: rows.length / k }, (_, r) => r),
  );
}

/** Where each table's scope starts in the concatenated scopes; the last entry is their total length. */
function scopeStarts(model: Model): Int32Array {
  const out = new Int32Array(model.constraints.length + 1);
  model.constraints.forEach((c, t) => (out[t + 1] = (out[t] as number) + c.scope.length));
  return out;
}

/**
 * The one-hot CNF of a table model.
 * Pre: the model is valid. Post: models of the CNF ⇔ valid builds (b(x,v) true ⇔ x = v); throws {@link CnfError} past
 * `maxClauses` (exactly-one is pairwise, d(d-1)/2 clauses for d values).
 */
export function oneHotCnf(model: Model, maxClauses = 4_000_000): OneHot {
  const valueOffset = valueOffsets(model);
  const sizes = model.variables.map((v) => v.values.length);
  const clauses: number[][] = [];
  sizes.forEach((d, x) => {
    const base = valueOffset[x] as number;
    clauses.push(Array.from({ length: d }, (_, v) => 2 * (base + v) + 1));
    for (let v = 0; v < d; v++)
      for (let w = v + 1; w < d; w++) clauses.push([2 * (base + v), 2 * (base + w)]);
    if (clauses.length > maxClauses) throw new CnfError(`more than ${maxClauses} clauses`);
  });
  const tableClauseStart = new Int32Array(model.constraints.length + 1);
  model.constraints.forEach((c, t) => {
    tableClauseStart[t] = clauses.length;
    tableClauses(c, valueOffset, sizes, clauses, maxClauses);
  });
  tableClauseStart[model.constraints.length] = clauses.length;
  const clauseStart = new Int32Array(clauses.length + 1);
  clauses.forEach((cl, i) => (clauseStart[i + 1] = (clauseStart[i] as number) + cl.length));
  return {
    cnf: {
      variables: valueOffset[model.variables.length] as number,
      clauseStart,
      literals: Int32Array.from(clauses.flat()),
      groups: {
        start: valueOffset,
        tableClauses: tableClauseStart,
        scopeStart: scopeStarts(model),
        scopes: Int32Array.from(model.constraints.flatMap((c) => [...c.scope])),
      },
    },
    valueOffset,
  };
}

/**
 * The circuit's choices for a model's assignment: x = v as "every other value of x false", equivalent under
 * exactly-one, and what makes `ownChoiceFree` read x's alternatives (the derivative drops only the evidence on the
 * value it is taken for).
 */
export function oneHotChoices(enc: OneHotMap, model: Model, a: Assignment): Map<number, number> {
  const out = new Map<number, number>();
  for (const [x, v] of a) {
    const base = enc.valueOffset[x] as number;
    const d = (model.variables[x] as { values: readonly string[] }).values.length;
    for (let w = 0; w < d; w++) if (w !== v) out.set(base + w, 0);
  }
  return out;
}

/** The model's valid values (`valid[valueOffset[x] + v]`, the MDD's layout) from the circuit's valid literals. */
export function oneHotValid(enc: OneHotMap, literals: Uint8Array): Uint8Array {
  const n = enc.valueOffset[enc.valueOffset.length - 1] as number;
  return Uint8Array.from({ length: n }, (_, b) => literals[2 * b + 1] as number);
}

/** A model weight as a circuit weight: b(x,v) true weighs weight(x, v), false nothing. */
export function oneHotWeight(
  enc: OneHotMap,
  weight: (variable: number, value: number) => number,
): (b: number, value: number) => number {
  const variableOf = new Int32Array(enc.valueOffset[enc.valueOffset.length - 1] as number);
  for (let x = 0; x + 1 < enc.valueOffset.length; x++)
    variableOf.fill(x, enc.valueOffset[x] as number, enc.valueOffset[x + 1] as number);
  return (b, value) => {
    if (value === 0) return 0;
    const x = variableOf[b] as number;
    return weight(x, b - (enc.valueOffset[x] as number));
  };
}

/** The model's build (value index per variable) from a circuit model. */
export function oneHotBuild(enc: OneHotMap, build: Int32Array): Int32Array {
  const n = enc.valueOffset.length - 1;
  const out = new Int32Array(n);
  for (let x = 0; x < n; x++)
    for (let b = enc.valueOffset[x] as number; b < (enc.valueOffset[x + 1] as number); b++)
      if (build[b] === 1) out[x] = b - (enc.valueOffset[x] as number);
  return out;
}

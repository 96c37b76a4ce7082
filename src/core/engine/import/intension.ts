/**
 * XCSP3 `intension` and `sum` constraints of the supported subset, turned into positive tables by enumerating
 * their scope. Supported: integer constants, integer variables, `eq ge le gt lt` (binary), `and or` (n-ary),
 * `not` (unary); `sum` over a variable list with a condition `(op, y)`, op one of `eq ge le gt lt`, y a variable or
 * an integer constant.
 */
import { ImportError } from './xml.ts';

/** What the enumerators need to know about a variable: its index and the integer meaning of each value. */
export interface IntVar {
  readonly index: number;
  readonly name: string;
  readonly ints: readonly number[];
}

type Term = { kind: 'const'; value: number } | { kind: 'var'; slot: number };
type Expr =
  | { kind: 'cmp'; op: CmpOp; a: Term; b: Term }
  | { kind: 'and' | 'or'; args: Expr[] }
  | { kind: 'not'; arg: Expr };
type CmpOp = 'eq' | 'ge' | 'le' | 'gt' | 'lt';

const CMP = new Set(['eq', 'ge', 'le', 'gt', 'lt']);
/** Beyond this many candidate rows an intension is refused rather than enumerated. */
export const MAX_ENUMERATION = 1 << 24;
/**
 * Beyond this many cells (rows × arity) an enumerated table is refused: 24 Boolean variables under an always-true
 * intension are within {@link MAX_ENUMERATION} yet make 400M cells, past what a JS array can hold (the process dies).
 */
export const MAX_TABLE_CELLS = 1 << 25;
/** Parsing and evaluating recurse once per nesting level; deeper than this is refused before the stack runs out. */
export const MAX_INTENSION_DEPTH = 256;

export function compare(op: CmpOp, a: number, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ge':
      return a >= b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'lt':
      return a < b;
  }
}

export function isCmpOp(s: string): s is CmpOp {
  return CMP.has(s);
}

/** Parsed intension: its scope (in order of first use) and a predicate over the scope's value indices. */
export interface Predicate {
  readonly scope: readonly IntVar[];
  readonly holds: (values: Int32Array) => boolean;
}

/**
 * Parses a functional expression such as `or(eq(x,512),gt(y,0))`.
 * Pre: `lookup` returns the integer variable of a name, or undefined. Post: a predicate over the scope, or an
 * {@link ImportError} at `line` naming the unsupported function, the unknown variable or the syntax fault.
 */
export function parseIntension(
  text: string,
  lookup: (name: string) => IntVar | undefined,
  line: number,
): Predicate {
  const tokens = text.match(/[A-Za-z_][A-Za-z0-9_]*|-?\d+|[(),]|\S/g) ?? [];
  let i = 0;
  const scope: IntVar[] = [];
  const slotOf = new Map<string, number>();
  const peek = (): string | undefined => tokens[i];
  const expect = (t: string): void => {
    if (tokens[i] !== t)
      throw new ImportError(`intension: expected "${t}" but found "${tokens[i] ?? 'end'}"`, line);
    i++;
  };
  const term = (): Term => {
    const t = tokens[i++];
    if (t === undefined) throw new ImportError('intension: unexpected end', line);
    if (/^-?\d+$/.test(t)) return { kind: 'const', value: Number(t) };
    if (peek() === '(')
      throw new ImportError(`intension: function ${t} is not supported as an integer term`, line);
    let slot = slotOf.get(t);
    if (slot === undefined) {
      const v = lookup(t);
      if (v === undefined) throw new ImportError(`intension: unknown or non-integer variable ${t}`, line);
      slot = scope.length;
      scope.push(v);
      slotOf.set(t, slot);
    }
    return { kind: 'var', slot };
  };
  const expr = (depth: number): Expr => {
    if (depth > MAX_INTENSION_DEPTH)
      throw new ImportError(`intension: nested deeper than ${MAX_INTENSION_DEPTH} functions`, line);
    const f = tokens[i++];
    if (f === undefined || !/^[A-Za-z]/.test(f) || peek() !== '(') {
      throw new ImportError(`intension: expected a boolean function but found "${f ?? 'end'}"`, line);
    }
    i++;
    let e: Expr;
    if (isCmpOp(f)) {
      const a = term();
      expect(',');
      const b = term();
      e = { kind: 'cmp', op: f, a, b };
    } else if (f === 'and' || f === 'or') {
      const args = [expr(depth + 1)];
      while (peek() === ',') {
        i++;
        args.push(expr(depth + 1));
      }
      e = { kind: f, args };
    } else if (f === 'not') {
      e = { kind: 'not', arg: expr(depth + 1) };
    } else {
      throw new ImportError(
        `intension: function ${f} is not supported (only eq ge le gt lt and or not)`,
        line,
      );
    }
    expect(')');
    return e;
  };
  const root = expr(1);
  if (i !== tokens.length)
    throw new ImportError(`intension: unexpected "${tokens[i]}" after the expression`, line);
  const val = (t: Term, vals: Int32Array): number =>
    t.kind === 'const' ? t.value : ((scope[t.slot] as IntVar).ints[vals[t.slot] as number] as number);
  const ev = (e: Expr, vals: Int32Array): boolean => {
    switch (e.kind) {
      case 'cmp':
        return compare(e.op, val(e.a, vals), val(e.b, vals));
      case 'and':
        return e.args.every((a) => ev(a, vals));
      case 'or':
        return e.args.some((a) => ev(a, vals));
      case 'not':
        return !ev(e.arg, vals);
    }
  };
  return { scope, holds: (vals) => ev(root, vals) };
}

const tooManyCells = (line: number): ImportError =>
  new ImportError(`constraint's table would have more than ${MAX_TABLE_CELLS} cells`, line);

/**
 * Enumerates the rows of a predicate over the cartesian product of its scope's domains.
 * Pre: the product is at most {@link MAX_ENUMERATION} and the rows' cells at most {@link MAX_TABLE_CELLS} (else
 * ImportError at `line`). Post: exactly the satisfying rows,
 * row-major, in odometer order.
 */
export function enumerate(p: Predicate, line: number): Int32Array {
  const sizes = p.scope.map((v) => v.ints.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  if (total > MAX_ENUMERATION) {
    throw new ImportError(
      `constraint over ${sizes.length} variables has ${total} candidate rows: too many`,
      line,
    );
  }
  const k = sizes.length;
  const vals = new Int32Array(k);
  const out: number[] = [];
  for (let n = 0; n < total; n++) {
    if (p.holds(vals)) {
      for (let j = 0; j < k; j++) out.push(vals[j] as number);
      if (out.length > MAX_TABLE_CELLS) throw tooManyCells(line);
    }
    for (let j = k - 1; j >= 0; j--) {
      if (++(vals[j] as number) < (sizes[j] as number)) break;
      vals[j] = 0;
    }
  }
  return Int32Array.from(out);
}

/**
 * Rows of `x1 + ... + xn op y` where y is a variable (last in the scope) or a constant.
 * Pre: the candidates (the product of the x domains, times y's domain for a variable y compared other than by `eq`)
 * are at most {@link MAX_ENUMERATION}, else ImportError at `line`. Post: scope = xs (then y if a variable) and
 * exactly the satisfying rows.
 */
export function enumerateSum(
  xs: readonly IntVar[],
  op: CmpOp,
  y: IntVar | number,
  line: number,
): { scope: IntVar[]; rows: Int32Array } {
  const sizes = xs.map((v) => v.ints.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  // Other than `eq`, every value of a variable y is tried against each sum, and each may make a row.
  const perSum = typeof y === 'number' || op === 'eq' ? 1 : y.ints.length;
  if (total * perSum > MAX_ENUMERATION)
    throw new ImportError(`sum over ${xs.length} variables is too large to enumerate`, line);
  const k = xs.length;
  const vals = new Int32Array(k);
  const out: number[] = [];
  const yIndexOf = typeof y === 'number' ? undefined : new Map(y.ints.map((v, i) => [v, i]));
  for (let n = 0; n < total; n++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += (xs[j] as IntVar).ints[vals[j] as number] as number;
    if (typeof y === 'number') {
      if (compare(op, s, y)) for (let j = 0; j < k; j++) out.push(vals[j] as number);
    } else if (op === 'eq') {
      const yi = yIndexOf?.get(s);
      if (yi !== undefined) {
        for (let j = 0; j < k; j++) out.push(vals[j] as number);
        out.push(yi);
      }
    } else {
      for (let yi = 0; yi < y.ints.length; yi++) {
        if (!compare(op, s, y.ints[yi] as number)) continue;
        for (let j = 0; j < k; j++) out.push(vals[j] as number);
        out.push(yi);
      }
    }
    if (out.length > MAX_TABLE_CELLS) throw tooManyCells(line);
    for (let j = k - 1; j >= 0; j--) {
      if (++(vals[j] as number) < (sizes[j] as number)) break;
      vals[j] = 0;
    }
  }
  return { scope: typeof y === 'number' ? [...xs] : [...xs, y], rows: Int32Array.from(out) };
}

/**
 * Sold builds, the recommender's training data. In the product they are the orders; for evaluation they come from
 * the BR4CP sales files: line 1 names the customer variables, every further line is one sold car, its values for
 * those variables in the same order, separated by white space.
 */
import type { Model, ModelIndex } from '../engine/model.ts';

/** Bad sales data, with the 1-based line it was found on (0 when the text as a whole is at fault). */
export class SalesError extends Error {
  override readonly name = 'SalesError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
  }
}

/**
 * Complete sold builds over the same customer variables: `rows` is row-major, `variables.length` value indices per
 * build, in the order of `variables`.
 */
export interface SoldBuilds {
  /** Model variable index of each column. */
  readonly variables: Int32Array;
  readonly rows: Int32Array;
  /** Number of builds (`rows.length / variables.length`). */
  readonly count: number;
}

/**
 * Reads a sales file against a model.
 * Pre: none. Post: every row maps each named variable to one of its values; otherwise throws {@link SalesError}
 * naming the line and the token at fault (blank lines are skipped; there must be at least the header).
 */
export function parseSales(model: Model, index: ModelIndex, text: string): SoldBuilds {
  const lines = text.split('\n');
  let header = -1;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).trim() !== '') {
      header = i;
      break;
    }
  }
  if (header < 0) throw new SalesError('empty sales file: expected a line of variable names', 0);
  const names = (lines[header] as string).trim().split(/\s+/);
  const variables = Int32Array.from(names, (name) => {
    const x = index.variable.get(name);
    if (x === undefined) throw new SalesError(`unknown variable ${name}`, header + 1);
    return x;
  });
  if (new Set(variables).size !== variables.length)
    throw new SalesError('a variable is named twice', header + 1);
  const n = variables.length;
  const rows: number[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    if (tokens.length !== n) throw new SalesError(`expected ${n} values, found ${tokens.length}`, i + 1);
    tokens.forEach((tok, j) => {
      const x = variables[j] as number;
      const v = index.value[x]?.get(tok);
      if (v === undefined)
        throw new SalesError(
          `value ${tok} is not in the domain of ${(model.variables[x] as { name: string }).name}`,
          i + 1,
        );
      rows.push(v);
    });
  }
  return { variables, rows: Int32Array.from(rows), count: n === 0 ? 0 : rows.length / n };
}

/** The builds whose row numbers are listed (in that order), e.g. one side of a split. */
export function selectBuilds(builds: SoldBuilds, which: readonly number[]): SoldBuilds {
  const n = builds.variables.length;
  const rows = new Int32Array(which.length * n);
  which.forEach((r, i) => rows.set(builds.rows.subarray(r * n, r * n + n), i * n));
  return { variables: builds.variables, rows, count: which.length };
}

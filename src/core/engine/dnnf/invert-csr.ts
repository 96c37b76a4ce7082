/**
 * The inverse of a relation held as CSR (row r's entries are `rowStart[r]` to `rowStart[r + 1]`): for each of
 * `targets` targets, the rows with an entry naming it, in row order, also as CSR. `targetOf(i)` is the target entry
 * i names. The component finders use it for "the clauses of a variable" and "the tables of a group".
 * Pre: `rowStart` is non-decreasing from 0; every `targetOf(i)` lies in [0, targets). A row naming a target twice
 * is listed twice.
 */
export function invertCsr(
  rowStart: ArrayLike<number>,
  targetOf: (entry: number) => number,
  targets: number,
): { start: Int32Array; rows: Int32Array } {
  const rowCount = rowStart.length - 1;
  const entries = rowCount < 0 ? 0 : (rowStart[rowCount] as number);
  const start = new Int32Array(targets + 1);
  for (let i = 0; i < entries; i++) {
    const t = targetOf(i) + 1;
    start[t] = (start[t] as number) + 1;
  }
  for (let t = 0; t < targets; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
  const rows = new Int32Array(entries);
  const fill = start.slice(0, targets);
  for (let r = 0; r < rowCount; r++)
    for (let i = rowStart[r] as number; i < (rowStart[r + 1] as number); i++) {
      const t = targetOf(i);
      rows[fill[t] as number] = r;
      fill[t] = (fill[t] as number) + 1;
    }
  return { start, rows };
}

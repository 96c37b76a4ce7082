import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invertCsr } from './invert-csr.ts';

describe('invertCsr', () => {
  it('lists, for each target, the rows naming it, in row order, as CSR', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.array(fc.nat(7)), { maxLength: 10 }),
        (targets, raw) => {
          const rows = raw.map((r) => r.map((t) => t % targets));
          const rowStart = Int32Array.from({ length: rows.length + 1 }, (_, r) =>
            rows.slice(0, r).reduce((n, row) => n + row.length, 0),
          );
          const entries = rows.flat();
          const { start, rows: inverse } = invertCsr(rowStart, (i) => entries[i] as number, targets);
          for (let t = 0; t < targets; t++) {
            const expected = rows.flatMap((row, r) => row.filter((x) => x === t).map(() => r));
            expect([...inverse.subarray(start[t], start[t + 1])]).toEqual(expected);
          }
          expect(start[targets]).toBe(entries.length);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { CompileLimitError, compileModel } from './compile.ts';
import { exactCount } from './count.ts';
import type { Model } from './model.ts';

/** A chain of inequalities over 12 variables: tiny as a diagram, yet it takes some conjunction work. */
function chain(): Model {
  const variables = Array.from({ length: 12 }, (_, i) => ({ name: `x${i}`, values: ['0', '1', '2', '3'] }));
  const rows = (a: number, b: number) => (a !== b ? [a, b] : []);
  const constraints = variables.slice(1).map((_, i) => ({
    id: `ne${i}`,
    label: `x${i} ≠ x${i + 1}`,
    scope: [i, i + 1],
    rows: Int32Array.from([0, 1, 2, 3].flatMap((a) => [0, 1, 2, 3].flatMap((b) => rows(a, b)))),
  }));
  return { variables, constraints };
}

describe('compileModel work limit', () => {
  it('compiles within a generous limit and refuses with a clear error under a tiny one', () => {
    expect(exactCount(compileModel(chain(), { maxWork: 1_000_000 }))).toBe(4n * 3n ** 11n);
    expect(() => compileModel(chain(), { maxWork: 5 })).toThrow(CompileLimitError);
    expect(() => compileModel(chain(), { maxWork: 5 })).toThrow(/more than 5 conjunction steps/);
    const order = chain().variables.map((_, i) => i);
    expect(() => compileModel(chain(), { order, maxWork: 5 })).toThrow(CompileLimitError);
  });
});

import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile.ts';
import { exactCount } from '../count.ts';
import { importDimacs, MAX_DIMACS_VARIABLES } from './dimacs.ts';
import { ImportError } from './xml.ts';

describe('importDimacs', () => {
  it('reads named Boolean variables and clauses as starred tables with the same models', () => {
    const m = importDimacs('c 1 engine\nc 2 turbo\np cnf 3 3\n1 -2 0\n2 3\n0\n1 -1 0\n');
    expect(m.variables.map((v) => v.name)).toEqual(['engine', 'turbo', 'x3']);
    expect(m.constraints.map((c) => c.label)).toEqual(['engine or not turbo', 'turbo or x3']);
    // (e ∨ ¬t) ∧ (t ∨ x3): 8 builds minus those violating either clause.
    expect(exactCount(compileModel(m))).toBe(4n);
  });

  it('refuses malformed input with its line', () => {
    expect(() => importDimacs('p cnf 2 1\n1 3 0\n')).toThrow(ImportError);
    expect(() => importDimacs('p cnf 2 1\n1 x 0\n')).toThrow('line 2: bad literal "x"');
    expect(() => importDimacs('1 2 0\n')).toThrow('line 1: clause before the "p cnf" header');
  });

  it('refuses a header declaring more variables than the limit, before allocating them', () => {
    expect(() => importDimacs('c huge\np cnf 10000000 0\n')).toThrow(
      `line 2: "p cnf" declares 10000000 variables, more than the limit of ${MAX_DIMACS_VARIABLES}`,
    );
    expect(() => importDimacs('p cnf 99999999999999999999999 0\n')).toThrow(ImportError);
    expect(importDimacs('p cnf 3 0\n', { maxVariables: 3 }).variables).toHaveLength(3);
    expect(() => importDimacs('p cnf 4 0\n', { maxVariables: 3 })).toThrow('line 1: "p cnf" declares 4');
  });

  it('refuses clauses whose tables (k² cells per clause of k literals) pass the limit, naming the clause', () => {
    const text = 'p cnf 3 2\n1 2 0\n1 2\n3 0\n';
    expect(importDimacs(text, { maxTableCells: 13 }).constraints).toHaveLength(2);
    expect(() => importDimacs(text, { maxTableCells: 12 })).toThrow(
      'line 3: clauses need more than 12 table cells',
    );
  });
});

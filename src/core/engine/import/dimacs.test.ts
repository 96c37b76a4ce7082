import { describe, expect, it } from 'vitest';
import { compileModel } from '../compile.ts';
import { exactCount } from '../count.ts';
import { importDimacs } from './dimacs.ts';
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
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDimacs } from '../import/dimacs.ts';
import { satisfies, type Model } from '../model.ts';
import { CnfError, cnfOfModel } from './cnf.ts';

const clauseSet = (clauses: number[][]): string[] =>
  clauses.map((c) => [...c].sort((a, b) => a - b).join(' ')).sort();

describe('cnfOfModel', () => {
  it('gives back the clauses of a DIMACS file', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc
                .uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: Math.min(6, n) })
                .chain((vars) => fc.tuple(...vars.map((x) => fc.boolean().map((neg) => (neg ? -x : x))))),
              { maxLength: 12 },
            ),
          ),
        ),
        ([n, clauses]) => {
          const text = `p cnf ${n} ${clauses.length}\n${clauses.map((c) => `${c.join(' ')} 0`).join('\n')}\n`;
          const cnf = cnfOfModel(importDimacs(text));
          const back: number[][] = [];
          for (let k = 0; k + 1 < cnf.clauseStart.length; k++)
            back.push(
              Array.from(cnf.literals.subarray(cnf.clauseStart[k], cnf.clauseStart[k + 1]), (l) =>
                l & 1 ? (l >> 1) + 1 : -((l >> 1) + 1),
              ),
            );
          expect(clauseSet(back)).toEqual(clauseSet(clauses));
        },
      ),
    );
  });

  it('forbids exactly the tuples a Boolean table does not allow', () => {
    const model: Model = {
      variables: ['a', 'b', 'c'].map((name) => ({ name, values: ['0', '1'] })),
      constraints: [{ id: 't', label: 't', scope: [0, 1, 2], rows: Int32Array.from([0, 1, -1, 1, -1, 0]) }],
    };
    const cnf = cnfOfModel(model);
    for (let bits = 0; bits < 8; bits++) {
      const build = [bits & 1, (bits >> 1) & 1, (bits >> 2) & 1];
      let ok = true;
      for (let k = 0; k + 1 < cnf.clauseStart.length; k++) {
        const lits = cnf.literals.subarray(cnf.clauseStart[k], cnf.clauseStart[k + 1]);
        if (!lits.some((l) => build[l >> 1] === (l & 1))) ok = false;
      }
      expect(ok).toBe(satisfies(model.constraints[0] as Model['constraints'][number], build));
    }
  });

  it('refuses a variable with other than two values', () => {
    const model: Model = {
      variables: [{ name: 'colour', values: ['red', 'green', 'blue'] }],
      constraints: [],
    };
    expect(() => cnfOfModel(model)).toThrow(CnfError);
  });
});

import { describe, expect, it } from 'vitest';
import { WILDCARD } from '../model.ts';
import { MAX_INTENSION_DEPTH, MAX_TABLE_CELLS } from './intension.ts';
import { ImportError, importXcsp, MAX_XCSP_VALUES } from './xcsp.ts';

const wrap = (vars: string, cons: string): string =>
  `<instance format="XCSP3" type="CSP">\n<variables>\n${vars}\n</variables>\n<constraints>\n${cons}\n</constraints>\n</instance>\n`;

function errorOf(text: string): ImportError {
  try {
    importXcsp(text);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('importXcsp', () => {
  it('reads symbolic and integer variables, starred and unary tables; drops out-of-domain tuples', () => {
    const m = importXcsp(
      wrap(
        '<var id="a" type="symbolic"> x y </var>\n<var id="b"> -1 0 07 </var>',
        `<extension id="t" note="a table"><list> a b </list><supports>(x,*)(y,7)(y,9)</supports></extension>
         <extension id="u"><list> b </list><supports> -1 7 </supports></extension>`,
      ),
    );
    expect(m.variables).toEqual([
      { name: 'a', values: ['x', 'y'] },
      { name: 'b', values: ['-1', '0', '07'] },
    ]);
    expect(m.constraints[0]?.label).toBe('a table (t)');
    expect([...(m.constraints[0]?.rows ?? [])]).toEqual([0, WILDCARD, 1, 2]);
    expect([...(m.constraints[1]?.rows ?? [])]).toEqual([0, 2]);
  });

  it('enumerates intension and sum constraints', () => {
    const m = importXcsp(
      wrap(
        '<var id="p"> 0 1 2 </var>\n<var id="q"> 0 1 2 </var>\n<var id="s"> 0 2 4 </var>',
        `<intension id="i"> or(not(gt(p,0)),and(eq(q,p),le(q,1))) </intension>
         <sum id="t"><list> p q </list><condition> (eq,s) </condition></sum>
         <sum id="c"><list> p q </list><condition> (le,1) </condition></sum>`,
      ),
    );
    const rows = (id: string): number[][] => {
      const c = m.constraints.find((k) => k.id === id);
      const r = [...(c?.rows ?? [])];
      const k = c?.scope.length ?? 1;
      return r.reduce<number[][]>(
        (acc, v, i) => (i % k === 0 ? [...acc, [v]] : (acc[acc.length - 1]?.push(v), acc)),
        [],
      );
    };
    expect(rows('i')).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
    ]);
    expect(rows('t')).toEqual([
      [0, 0, 0],
      [0, 2, 1],
      [1, 1, 1],
      [2, 0, 1],
      [2, 2, 2],
    ]);
    expect(rows('c')).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('refuses anything else, naming the element or function and the line', () => {
    expect(errorOf(wrap('<var id="a"> 0 1 </var>', '<allDifferent> a </allDifferent>')).message).toBe(
      'line 6: unsupported constraint element <allDifferent>',
    );
    expect(errorOf(wrap('<var id="a"> 0 1 </var>', '<intension> add(a,1) </intension>')).message).toMatch(
      /^line 6: .*function add is not supported/,
    );
    expect(
      errorOf(
        wrap('<var id="a"> 0 1 </var>', '<extension><list> a </list><conflicts> 0 </conflicts></extension>'),
      ).message,
    ).toBe('line 6: unsupported element <conflicts> inside <extension>');
    expect(errorOf(wrap('<array id="a" size="[2]"> 0..1 </array>', '')).message).toBe(
      'line 3: unsupported element <array> inside <variables>',
    );
    expect(
      errorOf(wrap('<var id="a"> 0 1 </var>', '<extension><list> a b </list><supports/></extension>')).line,
    ).toBe(6);
    expect(errorOf('<instance>\n<variables>\n</instance>').message).toMatch(/^line 3: end tag <\/instance>/);
    expect(
      errorOf(wrap('<var id="a" type="symbolic"> x </var>', '<intension> eq(a,1) </intension>')).message,
    ).toMatch(/symbolic variable a/);
  });

  it('caps the values of all domains together, naming the <var> that passes the cap', () => {
    expect(errorOf(wrap('<var id="a"> 0..1000000000 </var>', '')).message).toBe(
      `line 3: 0..1000000000 in the domain of a takes the domains past ${MAX_XCSP_VALUES} values`,
    );
    const two = wrap('<var id="a"> 0..2 </var>\n<var id="b"> 5 0..1 </var>', '');
    expect(importXcsp(two, { maxValues: 6 }).variables.map((v) => v.values.length)).toEqual([3, 3]);
    expect(() => importXcsp(two, { maxValues: 5 })).toThrow('line 4: 0..1 in the domain of b takes');
  });

  it('refuses integers beyond ±2^53, where a range would never end', () => {
    expect(errorOf(wrap('<var id="a"> 99999999999999999999..99999999999999999999 </var>', '')).message).toBe(
      'line 3: domain of a: 99999999999999999999 is not a safe integer',
    );
    expect(errorOf(wrap('<var id="a"> 0 18014398509481984 </var>', '')).line).toBe(3);
  });

  it('reads a unary range over the domain, not over the range', () => {
    const m = importXcsp(
      wrap(
        '<var id="a"> 7 -3 2 1000000 </var>',
        '<extension><list> a </list><supports> 0..1000000000 </supports></extension>',
      ),
    );
    // Ascending by value, as enumerating the range would give.
    expect([...(m.constraints[0]?.rows ?? [])]).toEqual([2, 0, 3]);
  });

  it('refuses a repeated constraint id and a character reference past U+10FFFF with their lines', () => {
    const table = (id: string) =>
      `<extension id="${id}"><list> a </list><supports> 0 </supports></extension>`;
    expect(errorOf(wrap('<var id="a"> 0 1 </var>', `${table('t')}\n${table('t')}`)).message).toBe(
      'line 7: constraint id t is used twice',
    );
    expect(
      errorOf(
        wrap(
          '<var id="a"> 0 1 </var>',
          `${table('extension2')}\n<extension><list> a </list><supports> 1 </supports></extension>`,
        ),
      ).line,
    ).toBe(7);
    expect(errorOf(wrap('<var id="a" note="&#99999999;"> 0 </var>', '')).message).toBe(
      'line 3: character reference &#99999999; is not a Unicode character',
    );
  });

  it('refuses a sum whose candidates, counting each value of a compared variable, pass the enumeration cap', () => {
    const vars = '<var id="a"> 0..99 </var>\n<var id="b"> 0..99 </var>\n<var id="y"> 0..9999 </var>';
    const sum = (op: string) => `<sum id="s"><list> a b </list><condition> (${op},y) </condition></sum>`;
    expect(importXcsp(wrap(vars, sum('eq'))).constraints).toHaveLength(1);
    expect(errorOf(wrap(vars, sum('le'))).message).toBe(
      'line 8: sum over 2 variables is too large to enumerate',
    );
  });

  it(`refuses an enumerated table of more than ${MAX_TABLE_CELLS} cells, which once killed the process`, () => {
    const n = 21; // 2^21 rows × 21 cells
    const vars = Array.from({ length: n }, (_, i) => `<var id="v${i}"> 0 1 </var>`).join('\n');
    const always = `or(${Array.from({ length: n }, (_, i) => `ge(v${i},0)`).join(',')})`;
    expect(errorOf(wrap(vars, `<intension> ${always} </intension>`)).message).toBe(
      `line ${n + 5}: constraint's table would have more than ${MAX_TABLE_CELLS} cells`,
    );
  });

  it(`refuses intension nested deeper than ${MAX_INTENSION_DEPTH}, before the stack runs out`, () => {
    const nested = (n: number) => `${'not('.repeat(n - 1)}eq(a,0)${')'.repeat(n - 1)}`;
    expect(
      importXcsp(wrap('<var id="a"> 0 1 </var>', `<intension> ${nested(MAX_INTENSION_DEPTH)} </intension>`))
        .constraints,
    ).toHaveLength(1);
    expect(
      errorOf(wrap('<var id="a"> 0 1 </var>', `<intension> ${nested(100_000)} </intension>`)).message,
    ).toBe(`line 6: intension: nested deeper than ${MAX_INTENSION_DEPTH} functions`);
  });
});

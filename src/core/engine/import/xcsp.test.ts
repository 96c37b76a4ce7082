import { describe, expect, it } from 'vitest';
import { WILDCARD } from '../model.ts';
import { ImportError, importXcsp } from './xcsp.ts';

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
});

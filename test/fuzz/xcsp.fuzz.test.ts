import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importXcsp } from '../../src/core/engine/import/xcsp.ts';
import { assertModelOrImportError, FUZZ_RUNS, mutatedText, piecesText } from './runs.ts';

/**
 * Bad input, fuzzed (issue 19 §6): XCSP3 instance files from outside, through the XML reader, the variable and table
 * readers and the intension parser. Whatever the text, the importer returns a model or throws its own ImportError
 * naming a line of the text, within the case budget (no hang on `0..1000000000` or `1e20..1e20`).
 */

const wrap = (vars: string, cons: string): string =>
  `<instance format="XCSP3" type="CSP">\n<variables>\n${vars}\n</variables>\n<constraints>\n${cons}\n</constraints>\n</instance>\n`;

/** Small valid instances covering every supported form (from xcsp.test.ts). */
const SEEDS = [
  wrap(
    '<var id="a" type="symbolic"> x y </var>\n<var id="b"> -1 0 07 </var>',
    `<extension id="t" note="a table"><list> a b </list><supports>(x,*)(y,7)(y,9)</supports></extension>
     <extension id="u"><list> b </list><supports> -1 7 </supports></extension>`,
  ),
  wrap(
    '<var id="p"> 0 1 2 </var>\n<var id="q"> 0..2 </var>\n<var id="s"> 0 2 4 </var>',
    `<intension id="i"> or(not(gt(p,0)),and(eq(q,p),le(q,1))) </intension>
     <sum id="t"><list> p q </list><condition> (eq,s) </condition></sum>
     <sum id="c"><list> p q </list><condition> (le,1) </condition></sum>`,
  ),
  `<?xml version="1.0"?>\n<!-- c -->\n${wrap('<var id="z" note="&lt;&#65;&#x42;"> 1..3 </var>', '<extension><list> z </list><supports> 2..9 * </supports></extension>')}`,
];
const PIECES = [
  '<',
  '>',
  '</',
  '/>',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  '&',
  '&amp;',
  '&#',
  '&#x110000;',
  '&#99999999999;',
  ';',
  '<!--',
  '-->',
  '<?xml ',
  '?>',
  '<![CDATA[',
  'var',
  'id',
  'type',
  'symbolic',
  'instance',
  'variables',
  'constraints',
  'extension',
  'intension',
  'sum',
  'list',
  'supports',
  'condition',
  'note',
  '<var id="v"> ',
  ' </var>',
  '<extension id="t"><list> ',
  '..',
  '0..1000000000',
  '99999999999999999999',
  '-',
  '+',
  '0',
  '1',
  '7',
  '(',
  ')',
  ',',
  '*',
  'not(',
  'and(',
  'or(',
  'eq(',
  'gt(',
  'add(',
  'a',
  'b',
  'p',
  'q',
  'x',
];

/**
 * Instances built from the format's grammar with odd leaves (huge and unsafe integers, huge ranges, repeated ids,
 * symbolic values in arithmetic, deep nesting), so that most cases get past the XML reader into the readers behind it.
 */
const names = fc.constantFrom('a', 'b', 'c', 'p', 'zz');
const int = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -3, max: 9 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '07',
      '+3',
      '-0',
      '99999999999999999999',
      '9007199254740993',
      '1e3',
      'x',
      'y',
      '',
    ),
  },
);
const domainToken = fc.oneof(
  { weight: 8, arbitrary: int },
  { weight: 4, arbitrary: fc.tuple(int, int).map(([lo, hi]) => `${lo}..${hi}`) },
  { weight: 1, arbitrary: fc.constantFrom('0..1000000000', '-99999999999999999999..0', '1..1000001') },
);
const variable = fc
  .tuple(
    names,
    fc.constantFrom(
      ...Array<string>(8).fill(''),
      ' type="symbolic"',
      ' type="integer"',
      ' type="set"',
      ' size="[2]"',
    ),
    fc.array(domainToken, { minLength: 1, maxLength: 4 }),
  )
  .map(([id, type, tokens]) => `<var id="${id}"${type}> ${tokens.join(' ')} </var>`);
const idAttr = fc.constantFrom('', ' id="t"', ' id="t"', ' id="extension1"', ' id="sum2"', ' note="n&amp;m"');
const scope = fc.array(names, { minLength: 0, maxLength: 3 }).map((n) => n.join(' '));
const cell = fc.oneof(int, fc.constantFrom('*', '0..1000000000', 'a b', ''));
const supports = fc.oneof(
  fc.array(cell, { maxLength: 4 }).map((c) => c.join(' ')),
  fc
    .array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 4 })
    .map((rows) => rows.map((r) => `(${r.join(',')})`).join('')),
);
const term = fc.oneof(names, int);
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom('eq', 'ge', 'le', 'gt', 'lt', 'ne', 'add'), term, term)
      .map(([f, a, b]) => `${f}(${a},${b})`),
    fc
      .tuple(fc.constantFrom('and', 'or'), fc.array(tie('expr'), { minLength: 1, maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(',')})`),
    tie('expr').map((e) => `not(${e})`),
    fc.nat({ max: 2_000 }).map((n) => `${'not('.repeat(n)}eq(a,0)${')'.repeat(n)}`),
  ),
}));
const constraint = fc.oneof(
  fc
    .tuple(idAttr, scope, supports)
    .map(([id, l, s]) => `<extension${id}><list> ${l} </list><supports>${s}</supports></extension>`),
  fc.tuple(idAttr, expr).map(([id, e]) => `<intension${id}> ${e} </intension>`),
  fc
    .tuple(idAttr, scope, fc.constantFrom('eq', 'le', 'gt', 'ne', ''), term)
    .map(([id, l, op, y]) => `<sum${id}><list> ${l} </list><condition> (${op},${y}) </condition></sum>`),
);
const grammatical = fc
  .tuple(fc.array(variable, { maxLength: 4 }), fc.array(constraint, { maxLength: 4 }))
  .map(([vs, cs]) => wrap(vs.join('\n'), cs.join('\n')));

describe('XCSP3 importer, fuzzed', () => {
  it('imports every seed', () => {
    for (const seed of SEEDS) expect(importXcsp(seed).variables.length).toBeGreaterThan(0);
  });

  it(`${FUZZ_RUNS} random and mutated texts: a model or an ImportError with its line, never a hang`, () => {
    const body = piecesText(PIECES, 30);
    const text = fc.oneof(
      { weight: 4, arbitrary: grammatical },
      { weight: 1, arbitrary: grammatical.chain((g) => mutatedText([g], PIECES)) },
      { weight: 2, arbitrary: mutatedText(SEEDS, PIECES) },
      { weight: 1, arbitrary: fc.tuple(body, body).map(([v, c]) => wrap(v, c)) },
      { weight: 1, arbitrary: body.map((c) => wrap('<var id="a"> 0..3 </var><var id="b"> 1 2 </var>', c)) },
      { weight: 1, arbitrary: piecesText(PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'binary' }) },
    );
    assertModelOrImportError(text, importXcsp);
  });
});

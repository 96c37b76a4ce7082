import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../src/core/catalog/index.ts';
import { compileCatalog } from '../../src/core/configurator/compile-catalog.ts';
import { soldBuildsOf } from '../../src/core/configurator/sold-builds.ts';
import { indexModel, type Model } from '../../src/core/engine/model.ts';
import { parseSales, SalesError } from '../../src/core/recommend/sales.ts';
import { miniCatalog } from '../fixtures/mini-catalog.ts';
import { FUZZ_RUNS, mutatedText, thrownBy } from './runs.ts';

/**
 * Bad input, fuzzed (issue 19 §6): sales data. A sales file (line 1 the variables, then one sold build per line) is
 * read into complete rows or refused with a SalesError naming its line; sold configurations as the sales API sends
 * them become rows or are skipped, never an exception.
 */

const model: Model = {
  variables: [
    { name: 'engine', values: ['petrol', 'diesel', 'ev'] },
    { name: 'seats', values: ['2', '5', '07'] },
    { name: 'tow', values: ['0', '1'] },
  ],
  constraints: [],
};
const index = indexModel(model);

const names = ['engine', 'seats', 'tow', 'colour', '__proto__', 'constructor', 'Engine'];
const values = ['petrol', 'diesel', 'ev', '2', '5', '07', '7', '0', '1', '-1', 'toString', 'x'];
const SEEDS = [
  'engine seats tow\npetrol 5 1\nev 2 0\n\nev 07 1\n',
  'tow engine\n0 diesel\r\n1 ev\n',
  '\n\n  seats\n5\n2\n',
];
const PIECES = [...names, ...values, ' ', '\t', '\n', '\r\n', '\u00a0', '\u0000'];

const sep = fc.constantFrom(' ', '  ', '\t', ' \t');
const line = (tokens: readonly string[]) =>
  fc.tuple(fc.array(fc.constantFrom(...tokens), { maxLength: 4 }), sep).map(([t, s]) => t.join(s));
const salesFile = fc
  .tuple(line(names), fc.array(line(values), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([header, rows, nl]) => [header, ...rows].join(nl));

/** What is wrong with reading `text`, if anything. */
function problemOf(text: string): string | undefined {
  let read: ReturnType<typeof parseSales> | undefined;
  const thrown = thrownBy(() => (read = parseSales(model, index, text)));
  if (thrown !== undefined) {
    if (!(thrown instanceof SalesError)) return `threw ${String(thrown)}`;
    const lines = text.split('\n').length;
    if (thrown.line < 0 || thrown.line > lines) return `line ${thrown.line} of ${lines}`;
    return thrown.line === 0 || thrown.message.startsWith(`line ${thrown.line}: `)
      ? undefined
      : `message ${thrown.message}`;
  }
  if (read === undefined) return 'nothing read';
  const n = read.variables.length;
  if (read.rows.length !== read.count * n) return `ragged: ${read.rows.length} cells, ${read.count} rows`;
  const outside = read.rows.findIndex((v, i) => {
    const x = read?.variables[i % n] as number;
    return !(v >= 0 && v < (model.variables[x]?.values.length ?? 0));
  });
  return outside < 0 ? undefined : `cell ${outside} is outside its domain`;
}

describe('sales data, fuzzed', () => {
  it(`${FUZZ_RUNS} random and mutated sales files: complete rows, or a SalesError naming the line`, () => {
    const text = fc.oneof(
      { weight: 3, arbitrary: salesFile },
      { weight: 2, arbitrary: mutatedText(SEEDS, PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'binary' }) },
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(problemOf(t)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`${FUZZ_RUNS} random sold configurations: rows over the user variables or skipped, never a throw`, () => {
    const cm = compileCatalog(validateCatalog(miniCatalog(), 'mini.json'));
    const slots = cm.catalog.slots;
    const slotIds = [...slots.map((s) => s.id), 'nope', '__proto__', 'constructor'];
    const optionIds = [...slots.flatMap((s) => s.options.map((o) => o.id)), 'nope', 'toString'];
    const selections = fc.dictionary(
      fc.constantFrom(...slotIds),
      fc.dictionary(
        fc.constantFrom(...optionIds),
        fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 64, 1e9, -1, 0.5)),
        {
          maxKeys: 3,
        },
      ),
      { maxKeys: 4 },
    );
    const sales = fc.array(fc.record({ selections, count: fc.integer({ min: 1, max: 3 }) }), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(sales, (s) => {
        let out: ReturnType<typeof soldBuildsOf> | undefined;
        expect(thrownBy(() => (out = soldBuildsOf(cm, s)))).toBeUndefined();
        const total = s.reduce((a, sale) => a + sale.count, 0);
        expect((out?.builds.count ?? 0) + (out?.skipped ?? 0)).toBeLessThanOrEqual(total);
        expect(out?.builds.rows.length).toBe((out?.builds.count ?? 0) * cm.userVariables.length);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

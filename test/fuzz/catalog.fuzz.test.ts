import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  parseCatalog,
  parseCatalogTexts,
  validateCatalog,
} from '../../src/core/catalog/index.ts';
import { compileCatalog } from '../../src/core/configurator/compile-catalog.ts';
import { arbitraryCatalog } from '../fixtures/arbitrary-catalog.ts';
import { miniCatalog } from '../fixtures/mini-catalog.ts';
import { anyValue, mutate, mutationOf } from '../server/fuzz/zod-sample.ts';
import { FUZZ_RUNS, mutatedText, thrownBy } from './runs.ts';

/**
 * Bad input, fuzzed (issue 19 §6): catalog files and their texts files. Any text is either a catalog that compiles
 * and uses only declared attributes, or a CatalogError naming the file and, for each problem, its JSON path
 * (`$.slots[0].options[1].price: …`). The loader never throws anything else, and never passes a catalog the compiler
 * then chokes on.
 */

const FILE = 'configs/catalogs/fuzzed.json';
const mini = miniCatalog();
const miniText = JSON.stringify(mini, null, 2);
const catalog = validateCatalog(mini, 'mini.json');
const texts = {
  catalog: { name: 'Mini-PC' },
  groups: { core: 'Kern' },
  slots: { cpu: { name: 'Prozessor' } },
  options: { 'cpu-amd': { description: 'Sechs Kerne' } },
  attributes: { socket: { label: 'Sockel', values: { AM5: 'AM5' } } },
};
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  ' ',
  '\n',
  'null',
  'true',
  '-1',
  '1e999',
  '0.5',
  '"id"',
  '"__proto__"',
  '"constructor"',
  '\\u0000',
  '\\',
];

/** What is wrong with what the loader threw, if anything. */
function refusalProblem(thrown: unknown, file: string): string | undefined {
  if (!(thrown instanceof CatalogError)) return `threw ${String(thrown)}`;
  if (thrown.file !== file || !thrown.message.startsWith(`${file}: `))
    return `file not named: ${thrown.message}`;
  if (thrown.problems.length === 0) return 'no problems';
  const unnamed = thrown.problems.find((p) => !p.path.startsWith('$'));
  if (unnamed) return `problem without a path: ${JSON.stringify(unnamed)}`;
  const unshown = thrown.problems
    .slice(0, 5)
    .find((p) => !thrown.message.includes(`  ${p.path}: ${p.message}`));
  return unshown ? `problem ${unshown.path} not in the message` : undefined;
}

function catalogProblem(text: string): string | undefined {
  let loaded: ReturnType<typeof parseCatalog> | undefined;
  const thrown = thrownBy(() => (loaded = parseCatalog(text, FILE)));
  if (thrown !== undefined) return refusalProblem(thrown, FILE);
  if (loaded === undefined) return 'nothing loaded';
  const accepted = loaded;
  const undeclared = accepted.slots
    .flatMap((slot) => slot.options.flatMap((o) => Object.keys(o.attributes)))
    .find((name) => !Object.hasOwn(accepted.attributes, name));
  if (undeclared !== undefined) return `accepted the undeclared attribute ${undeclared}`;
  const compiled = thrownBy(() => compileCatalog(accepted));
  return compiled === undefined ? undefined : `accepted, then the compiler threw ${String(compiled)}`;
}

/** A catalog's JSON with one path replaced (by a wrong type, odd value, …), removed, or given an unknown key. */
const mutated = (value: unknown) => mutationOf(value).map((m) => mutate(value, m));
const json = (value: unknown) => JSON.stringify(value) ?? '';
const mutatedJson = (value: unknown) => mutated(value).map(json);

describe('catalog files, fuzzed', () => {
  it('loads the seeds', () => {
    expect(catalogProblem(miniText)).toBeUndefined();
    expect(parseCatalogTexts(JSON.stringify(texts), 'mini.de.json', catalog).slots).toEqual(texts.slots);
  });

  it(`${FUZZ_RUNS} random, mutated and wrongly typed catalog files: a catalog that compiles, or a CatalogError naming each path`, () => {
    const text = fc.oneof(
      { weight: 3, arbitrary: mutatedJson(mini) },
      { weight: 2, arbitrary: arbitraryCatalog.chain((c) => mutatedJson(c)) },
      { weight: 1, arbitrary: mutated(mini).chain(mutatedJson) },
      { weight: 1, arbitrary: mutatedText([miniText], PIECES) },
      { weight: 1, arbitrary: anyValue.map((v) => JSON.stringify(v) ?? '') },
      { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(catalogProblem(t)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`${FUZZ_RUNS} random and mutated texts files: texts, or a CatalogError naming each path`, () => {
    const FILE_TEXTS = 'configs/catalogs/texts/mini.de.json';
    const text = fc.oneof(
      { weight: 4, arbitrary: mutatedJson(texts) },
      { weight: 1, arbitrary: mutatedText([JSON.stringify(texts)], PIECES) },
      { weight: 1, arbitrary: anyValue.map((v) => JSON.stringify(v) ?? '') },
    );
    fc.assert(
      fc.property(text, (t) => {
        const thrown = thrownBy(() => parseCatalogTexts(t, FILE_TEXTS, catalog));
        if (thrown !== undefined) expect(refusalProblem(thrown, FILE_TEXTS)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

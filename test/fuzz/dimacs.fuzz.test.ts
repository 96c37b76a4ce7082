import fc from 'fast-check';
import { describe, it } from 'vitest';
import { importDimacs } from '../../src/core/engine/import/dimacs.ts';
import { assertModelOrImportError, FUZZ_RUNS, mutatedText, piecesText } from './runs.ts';

/**
 * Bad input, fuzzed (issue 19 §6): DIMACS CNF files from outside. Whatever the text, the importer returns a model or
 * throws its own ImportError naming a line of the text, within the case budget (no hang on a huge header).
 */

const SEEDS = [
  'c 1 engine\nc 2 turbo\np cnf 3 3\n1 -2 0\n2 3\n0\n1 -1 0\n',
  'p cnf 2 1\n1 3 0\n',
  'p cnf 4 2\n1 -2 3 0\n-4 0\n%\n0\n',
];
const PIECES = [
  'p',
  'cnf',
  ' ',
  ' ',
  '\n',
  '\t',
  'c',
  '%',
  '-',
  '0',
  '1',
  '2',
  '3',
  '7',
  '-1',
  '10000000',
  '99999999999999999999',
  '1e3',
  'x',
  'p cnf ',
  ' 0\n',
];

describe('DIMACS importer, fuzzed', () => {
  it(`${FUZZ_RUNS} random and mutated texts: a model or an ImportError with its line, never a hang`, () => {
    const text = fc.oneof(
      { weight: 2, arbitrary: mutatedText(SEEDS, PIECES) },
      { weight: 2, arbitrary: piecesText(PIECES).map((t) => `p cnf 5 3\n${t}`) },
      { weight: 1, arbitrary: piecesText(PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
    );
    assertModelOrImportError(text, importDimacs);
  });
});

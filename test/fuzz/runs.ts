import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportError } from '../../src/core/engine/import/xml.ts';

/**
 * Cases per parser boundary (issue 19 §6): 10,000 unless FUZZ_RUNS says otherwise, the same knob as the API fuzz
 * (`FUZZ_RUNS=100000 npx vitest run --project unit test/fuzz` for a longer hunt, `FUZZ_RUNS=200` for a smoke run).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** A parser that hangs on one input would stall the whole run; each case must finish well inside this. */
export const CASE_BUDGET_MS = 2_000;

/** Runs `parse`, failing the case if it takes longer than {@link CASE_BUDGET_MS}; returns what it threw, if anything. */
export function thrownBy(parse: () => unknown): unknown {
  const start = performance.now();
  let thrown: unknown;
  try {
    parse();
  } catch (error) {
    thrown = error;
  }
  const ms = performance.now() - start;
  if (ms > CASE_BUDGET_MS) throw new Error(`took ${Math.round(ms)} ms`);
  return thrown;
}

/** A text edit: at `at` (taken modulo the length), drop `drop` characters and put `insert` there. */
interface Edit {
  readonly at: number;
  readonly drop: number;
  readonly insert: string;
}

function applyEdits(seed: string, edits: readonly Edit[]): string {
  let text = seed;
  for (const { at, drop, insert } of edits) {
    const p = at % (text.length + 1);
    text = text.slice(0, p) + insert + text.slice(p + drop);
  }
  return text;
}

/**
 * One of `seeds` with one to four edits, each inserting pieces of the format (`pieces`) or arbitrary characters:
 * mostly valid input with a fault somewhere, which reaches deeper into a parser than random text does.
 */
export function mutatedText(seeds: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> {
  const insert = fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  );
  const edit = fc.record({ at: fc.nat(), drop: fc.nat({ max: 8 }), insert });
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => applyEdits(seed, edits));
}

/** Text made of the format's pieces and, now and then, arbitrary characters. */
export function piecesText(pieces: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...pieces) },
        { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) },
      ),
      { maxLength },
    )
    .map((p) => p.join(''));
}

/** What is wrong with what an importer threw for `text`, if anything: only its own ImportError naming a line is fine. */
function importProblem(text: string, thrown: unknown): string | undefined {
  if (thrown === undefined) return undefined;
  if (!(thrown instanceof ImportError)) return `threw ${String(thrown)}`;
  const lines = text.split('\n').length;
  if (!Number.isInteger(thrown.line) || thrown.line < 1 || thrown.line > lines)
    return `line ${thrown.line} of ${lines}`;
  return thrown.message.startsWith(`line ${thrown.line}: `) ? undefined : `message ${thrown.message}`;
}

/**
 * The property every importer of outside files holds, over {@link FUZZ_RUNS} texts: it returns a model or throws its
 * own ImportError naming a line of the text, within the case budget (no hang).
 */
export function assertModelOrImportError(
  texts: fc.Arbitrary<string>,
  parse: (text: string) => unknown,
): void {
  fc.assert(
    fc.property(texts, (text) => {
      expect(
        importProblem(
          text,
          thrownBy(() => parse(text)),
        ),
      ).toBeUndefined();
    }),
    { numRuns: FUZZ_RUNS },
  );
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBuild, encodeBuild } from '../../src/configure/session/build-url.ts';
import { buildSchema, type Build } from '../../src/core/catalog/build.ts';
import { FUZZ_RUNS, mutatedText, thrownBy } from './runs.ts';

/**
 * Bad input, fuzzed (issue 19 §6): the build in a shared link (`?b=cpu:cpu-a,memory:kit*2`), which anyone can edit.
 * Reading it never throws; it gives either a build the core's schema accepts, which survives writing and reading
 * again, or no build and a reason to show.
 */

const PIECES = [
  'cpu',
  'cpu-a',
  'kit',
  ':',
  ',',
  '*',
  '*2',
  '*64',
  '*65',
  '*99',
  '*0',
  'x'.repeat(81),
  '%3A',
  '%2C',
  '+',
  '&',
  '=',
  'b=',
  '#',
  ' ',
  '\u0000',
  '𝌆',
  'A',
  '.',
  '-',
  '_',
  '__proto__',
  'constructor',
];
const SEEDS = [
  'b=cpu:cpu-a,memory:kit*2,extras:x,extras:y',
  'b=a:b&b=c:d',
  'x=1&b=slot:opt*64,',
  'b=cpu%3Acpu-a%2Cmemory%3Akit*2',
];

const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,79}$/);
const build: fc.Arbitrary<Build> = fc.dictionary(
  id,
  fc.dictionary(id, fc.integer({ min: 1, max: 64 }), { minKeys: 1, maxKeys: 3 }),
  { maxKeys: 6 },
);

/** What is wrong with what reading a link's query gave, if anything. */
function problemOf(query: string): string | undefined {
  let read: ReturnType<typeof decodeBuild> | undefined;
  const thrown = thrownBy(() => (read = decodeBuild(new URLSearchParams(query).get('b'))));
  if (thrown !== undefined || read === undefined) return `threw ${String(thrown)}`;
  const { build: got, error } = read;
  if (error !== undefined)
    return error.trim() !== '' && Object.keys(got).length === 0
      ? undefined
      : `refusal ${JSON.stringify(read)}`;
  const checked = buildSchema.safeParse(got);
  if (!checked.success) return `accepted a build the core refuses: ${checked.error.issues[0]?.message}`;
  const again = decodeBuild(encodeBuild(got));
  return JSON.stringify(again) === JSON.stringify({ build: got })
    ? undefined
    : `round trip ${JSON.stringify(again)}`;
}

describe('build link, fuzzed', () => {
  it(`${FUZZ_RUNS} random and mutated query strings: a valid build that round-trips, or a reason`, () => {
    const query = fc.oneof(
      { weight: 3, arbitrary: mutatedText(SEEDS, PIECES) },
      { weight: 2, arbitrary: build.chain((b) => mutatedText([`b=${encodeBuild(b)}`], PIECES)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 120, unit: 'binary' }).map((s) => `b=${s}`) },
      { weight: 1, arbitrary: fc.string({ maxLength: 5000, unit: 'grapheme-ascii' }).map((s) => `b=${s}`) },
    );
    fc.assert(
      fc.property(query, (q) => {
        expect(problemOf(q)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`${FUZZ_RUNS} valid builds round-trip through a URL`, () => {
    fc.assert(
      fc.property(build, (b) => {
        const url = new URL(
          `https://shop.example/configure?${new URLSearchParams({ b: encodeBuild(b) }).toString()}`,
        );
        expect(decodeBuild(url.searchParams.get('b'))).toEqual({ build: b });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBuild, encodeBuild } from './build-url.ts';
import type { Build } from '../../core/catalog/index.ts';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);

describe('build in the URL', () => {
  it('round-trips any build', () => {
    fc.assert(
      fc.property(
        fc.dictionary(id, fc.dictionary(id, fc.integer({ min: 1, max: 64 }), { minKeys: 1, maxKeys: 3 }), {
          maxKeys: 6,
        }),
        (build: Build) => {
          expect(decodeBuild(encodeBuild(build))).toEqual({ build });
        },
      ),
    );
  });

  it('reads a readable link and refuses a broken one with a reason', () => {
    expect(decodeBuild('cpu:cpu-a,memory:kit*2,extras:x,extras:y').build).toEqual({
      cpu: { 'cpu-a': 1 },
      memory: { kit: 2 },
      extras: { x: 1, y: 1 },
    });
    expect(decodeBuild('cpu:cpu-a,<script>')).toEqual({
      build: {},
      error: 'item 2 ("<script>") is not slot:option or slot:option*N',
    });
  });

  it('refuses what the link grammar allows but a build may not hold: quantities past 64, ids past 80', () => {
    expect(decodeBuild('cpu:cpu-a*64').build).toEqual({ cpu: { 'cpu-a': 64 } });
    expect(decodeBuild('cpu:cpu-a*65')).toEqual({
      build: {},
      error: expect.stringMatching(/^item 1 \("cpu:cpu-a\*65"\): quantity: .*64/),
    });
    expect(decodeBuild(`cpu:${'x'.repeat(81)}`).error).toMatch(/^item 1 .*: option: .*80/);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void decodeBuild(text)));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveVersionOf, versionStatus, type Dated } from './live-version.ts';

const at = (day: number) => new Date(Date.UTC(2026, 11, day)).toISOString();
const v = (version: string, effective: number, withdrawn = false): Dated => ({
  version,
  publishedAt: at(1),
  effectiveAt: at(effective),
  withdrawnAt: withdrawn ? at(2) : null,
});

describe('liveVersionOf', () => {
  it('is the newest effective, not withdrawn; a scheduled one goes live at its date', () => {
    const versions = [v('a', 1), v('b', 5), v('c', 10)];
    expect(liveVersionOf(versions, new Date(at(7)))?.version).toBe('b');
    expect(liveVersionOf(versions, new Date(at(10)))?.version).toBe('c');
    expect(
      versionStatus(versions[2] as Dated, liveVersionOf(versions, new Date(at(7))), new Date(at(7))),
    ).toBe('scheduled');
  });

  it('skips a withdrawn version: the previous one is live again', () => {
    expect(liveVersionOf([v('a', 1), v('b', 5, true)], new Date(at(7)))?.version).toBe('a');
    expect(liveVersionOf([v('a', 1, true)], new Date(at(7)))).toBeUndefined();
  });

  it('keeps the earliest when none is effective yet', () => {
    expect(liveVersionOf([v('b', 5), v('a', 3)], new Date(at(1)))?.version).toBe('a');
  });

  it('is exactly one live version whenever one is not withdrawn, and never a later effective one than now allows', () => {
    const arb = fc.array(fc.record({ effective: fc.integer({ min: 1, max: 28 }), withdrawn: fc.boolean() }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 28 }), (specs, day) => {
        const versions = specs.map((s, i) => v(`v${i}`, s.effective, s.withdrawn));
        const now = new Date(at(day));
        const live = liveVersionOf(versions, now);
        const statuses = versions.map((x) => versionStatus(x, live, now));
        expect(statuses.filter((s) => s === 'live').length).toBe(
          versions.some((x) => !x.withdrawnAt) ? 1 : 0,
        );
        const effective = versions.filter(
          (x) => !x.withdrawnAt && Date.parse(x.effectiveAt) <= now.getTime(),
        );
        if (live && effective.length > 0)
          expect(Math.max(...effective.map((x) => Date.parse(x.effectiveAt)))).toBe(
            Date.parse(live.effectiveAt),
          );
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preferredCoding } from './send-encoded.ts';

describe('preferredCoding', () => {
  it('picks by q, then by the order offered, and falls back to identity', () => {
    const both = ['br', 'gzip'] as const;
    expect(preferredCoding(undefined, both)).toBe('identity');
    expect(preferredCoding('', both)).toBe('identity');
    expect(preferredCoding('gzip', both)).toBe('gzip');
    expect(preferredCoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(preferredCoding('br;q=0.5, gzip', both)).toBe('gzip');
    expect(preferredCoding('GZIP;Q=0.8', both)).toBe('gzip');
    expect(preferredCoding('*', ['gzip'])).toBe('gzip');
    expect(preferredCoding('*;q=0.1, gzip;q=0', both)).toBe('br');
    expect(preferredCoding('gzip;q=0, br;q=0', both)).toBe('identity');
    expect(preferredCoding('br', ['gzip'])).toBe('identity');
    expect(preferredCoding('identity', both)).toBe('identity');
    expect(preferredCoding('gzip;q=0, gzip', both)).toBe('identity');
  });

  it('never throws, and never picks a coding not offered or refused with q=0', () => {
    const coding = fc.constantFrom('gzip', 'br', '*', 'identity', 'deflate', 'GZip', '');
    const q = fc.option(fc.constantFrom('0', '0.0', '0.5', '1', '1.000', 'x', ''), { nil: undefined });
    const part = fc.tuple(coding, q).map(([c, v]) => (v === undefined ? c : `${c};q=${v}`));
    const header = fc.oneof(
      fc.array(part, { maxLength: 6 }).map((parts) => parts.join(', ')),
      fc.string(),
    );
    const offered = fc.subarray(['br', 'gzip'] as const, { minLength: 1 });
    fc.assert(
      fc.property(header, offered, (h, o) => {
        const chosen = preferredCoding(h, o);
        if (chosen === 'identity') return;
        expect(o).toContain(chosen);
        const refused = new RegExp(`(^|,)\\s*${chosen}\\s*;\\s*q\\s*=\\s*0(\\.0*)?\\s*(,|$)`, 'i');
        expect(refused.test(h)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

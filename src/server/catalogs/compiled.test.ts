import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../core/catalog/index.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { compiledCatalogs, type CatalogCompiler } from './compiled.ts';
import { catalogEntry } from './registry.ts';

/** A compiler that answers when told to, and records what it was asked. */
function fakeCompiler() {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const signals: AbortSignal[] = [];
  const compile: CatalogCompiler = (catalog, signal) => {
    // Versions are 2026.1.<n>: the compiled form's "bytes" and hash are n.
    const n = catalog.version.replace('2026.1.', '');
    asked.push(n);
    signals.push(signal);
    return new Promise((resolve, reject) => {
      pending.push(() => {
        if (catalog.version === BROKEN) reject(new Error('does not compile'));
        else
          resolve({
            ok: true,
            bytes: new TextEncoder().encode(n),
            gzip: new Uint8Array([1]),
            sha256: n.padEnd(64, '0'),
          });
      });
    });
  };
  const next = async () => {
    await new Promise((r) => setTimeout(r, 0));
    pending.shift()?.();
  };
  return { compile, asked, next, signals };
}

/** The version the fake compiler refuses. */
const BROKEN = '2026.9.9';
const entry = (version: string) =>
  catalogEntry(
    validateCatalog(
      { ...miniCatalog(), version: version === BROKEN ? version : `2026.1.${version}` },
      'mini.json',
    ),
    `${version}.json`,
  );

describe('compiled catalogs', () => {
  it('compiles each catalog content once, one at a time, and names the form by its hash', async () => {
    const fake = fakeCompiler();
    const cache = compiledCatalogs(fake.compile);
    const a = cache.get(entry('1'));
    const again = cache.get(entry('1'));
    const b = cache.get(entry('2'));
    await fake.next();
    expect(fake.asked).toEqual(['1']); // the second waits for the first
    await fake.next();
    const [first, second, other] = await Promise.all([a, again, b]);
    expect(fake.asked).toEqual(['1', '2']);
    expect(first).toBe(second);
    expect(first.etag).toBe(`"1${'0'.repeat(31)}"`);
    expect(first.bytes.toString()).toBe('1');
    expect(other.bytes.toString()).toBe('2');
    expect(await cache.get(entry('1'))).toBe(first);
    expect(fake.asked).toEqual(['1', '2']);
  });

  it('keeps a compile failure (compiling again would fail alike) without holding up the others', async () => {
    const fake = fakeCompiler();
    const cache = compiledCatalogs(fake.compile);
    const broken = cache.get(entry(BROKEN));
    const fine = cache.get(entry('3'));
    await fake.next();
    await expect(broken).rejects.toThrow('does not compile');
    await fake.next();
    expect((await fine).bytes.toString()).toBe('3');
    await expect(cache.get(entry(BROKEN))).rejects.toThrow('does not compile');
    expect(fake.asked).toEqual([BROKEN, '3']);
  });

  it('warms every entry ahead and stops the compile under way on close', async () => {
    const fake = fakeCompiler();
    const cache = compiledCatalogs(fake.compile);
    cache.warm([entry('4'), entry('5')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.asked).toEqual(['4']);
    const closed = cache.close();
    expect(fake.signals.every((s) => s.aborted)).toBe(true);
    await fake.next();
    await fake.next();
    await closed;
  });
});

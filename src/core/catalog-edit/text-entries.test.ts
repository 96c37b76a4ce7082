import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingTexts, validateCatalog } from '../catalog/index.ts';
import pcFile from '../../../configs/catalogs/pc.json';
import pcDe from '../../../configs/catalogs/texts/pc.de.json';
import { readText, setText, textEntries } from './text-entries.ts';

const pc = validateCatalog({ ...pcFile, translations: { de: pcDe } }, 'pc.json');

describe('text entries', () => {
  it('are exactly the texts missingTexts counts, by the same paths', () => {
    const bare = validateCatalog(pcFile, 'pc.json');
    const missingZh = missingTexts(bare)
      .filter((m) => m.language === 'zh')
      .map((m) => m.path);
    expect(textEntries(bare).map((e) => e.path)).toEqual(missingZh);
  });

  // A rule message is a template: braces have their own test (templateProblem).
  it('setText then readText gives the text back, leaves the others, and keeps the catalog valid', () => {
    const entries = textEntries(pc);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom('de', 'zh' as const),
        fc.stringMatching(/^[\w äöü中文]{0,8}$/),
        (at, lang, v) => {
          const entry = entries[at % entries.length];
          if (!entry) return;
          const next = setText(pc, lang, entry.ref, v);
          expect(readText(next.translations?.[lang], entry.ref)).toBe(v === '' ? undefined : v);
          const others = entries.filter((e) => e.path !== entry.path);
          for (const e of others.slice(0, 50))
            expect(readText(next.translations?.[lang], e.ref)).toBe(readText(pc.translations?.[lang], e.ref));
          validateCatalog(next, 'pc.json');
        },
      ),
      { numRuns: 100 },
    );
  });
});

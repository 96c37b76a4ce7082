import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CatalogError, validateCatalog, type Catalog } from '../catalog/index.ts';
import pcFile from '../../../configs/catalogs/pc.json';
import pcDe from '../../../configs/catalogs/texts/pc.de.json';
import pcZh from '../../../configs/catalogs/texts/pc.zh.json';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import {
  addOption,
  addSlot,
  adjustPrices,
  duplicateOption,
  idProblem,
  removeOptions,
  renameId,
  setOptionField,
  setOptionsAttribute,
  type IdKind,
} from './edits.ts';

/** The PC as the server holds it: the catalog with its German and Chinese texts. */
const pc = validateCatalog({ ...pcFile, translations: { de: pcDe, zh: pcZh } }, 'pc.json');

/** validateCatalog's problems as "path: message" lines, or [] for a valid catalog. */
function verdict(doc: Catalog): string[] {
  try {
    validateCatalog(doc, 'draft');
    return [];
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

function ids(doc: Catalog, kind: IdKind): string[] {
  const all: Record<IdKind, string[]> = {
    group: doc.groups.map((g) => g.id),
    slot: doc.slots.map((s) => s.id),
    option: doc.slots.flatMap((s) => s.options.map((o) => o.id)),
    rule: doc.rules.map((r) => r.id),
    package: doc.packages.map((p) => p.id),
    priceRule: doc.priceRules.map((p) => p.id),
    attribute: Object.keys(doc.attributes),
  };
  return all[kind];
}

const kinds: IdKind[] = ['group', 'slot', 'option', 'rule', 'package', 'priceRule', 'attribute'];
/** A rename: a kind, an index into its ids (modulo), and a new name nobody uses (nothing in the files has "zq"). */
const renameArb = fc.record({
  kind: fc.constantFrom(...kinds),
  at: fc.nat(),
  suffix: fc.stringMatching(/^[a-z0-9]{1,6}$/),
});
const apply = (doc: Catalog, r: { kind: IdKind; at: number; suffix: string }) => {
  const list = ids(doc, r.kind);
  if (list.length === 0) return undefined;
  const from = list[r.at % list.length] as string;
  return { from, to: r.kind === 'attribute' ? `zq${r.suffix}` : `zq-${r.suffix}`, kind: r.kind };
};

describe('renameId', () => {
  it('keeps validateCatalog’s verdict on the PC with its translations (every kind)', () => {
    expect(verdict(pc)).toEqual([]);
    fc.assert(
      fc.property(fc.array(renameArb, { minLength: 1, maxLength: 4 }), (renames) => {
        let doc = pc;
        for (const r of renames) {
          const step = apply(doc, r);
          if (!step || idProblem(doc, step.kind, step.to)) continue;
          doc = renameId(doc, step.kind, step.from, step.to);
          expect(ids(doc, step.kind)).toContain(step.to);
          expect(ids(doc, step.kind)).not.toContain(step.from);
        }
        expect(verdict(doc)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the verdict on random catalogs, broken ones included (same problems, renamed)', () => {
    fc.assert(
      fc.property(arbitraryCatalog, renameArb, fc.boolean(), (catalog, r, broken) => {
        // Breaking one: an option removed that rules or packages may still name.
        const first = catalog.slots[0];
        const doc =
          broken && first && first.options.length > 1
            ? removeOptions(catalog, first.id, [first.options[0]?.id ?? ''])
            : catalog;
        const step = apply(doc, r);
        if (!step) return;
        const before = verdict(doc);
        const after = verdict(renameId(doc, step.kind, step.from, step.to));
        expect(after.length).toBe(before.length);
        expect(after.length === 0).toBe(before.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('updates rules, packages, price rules, messages and translations', () => {
    const renamed = renameId(pc, 'slot', 'cpu', 'processor');
    const text = JSON.stringify(renamed);
    expect(text).not.toMatch(/"slot":"cpu"/);
    expect(renamed.rules.find((r) => r.id === 'cpu-socket')?.message).toContain('{processor.socket}');
    expect(renamed.translations?.de?.slots?.processor).toBeDefined();
    const attr = renameId(pc, 'attribute', 'socket', 'cpuSocket');
    expect(attr.rules.find((r) => r.id === 'cpu-socket')).toMatchObject({
      left: { slot: 'cpu', attr: 'cpuSocket' },
    });
    expect(attr.translations?.de?.rules?.['cpu-socket']).toContain('{cpu.cpuSocket}');
  });

  it('refuses names that break the pattern or are taken', () => {
    expect(idProblem(pc, 'slot', 'Bad Id')).toBe('pattern');
    expect(idProblem(pc, 'slot', 'gpu')).toBe('taken');
    expect(idProblem(pc, 'attribute', 'my-attr')).toBe('pattern');
    expect(idProblem(pc, 'attribute', 'myAttr')).toBeUndefined();
  });
});

describe('option edits', () => {
  const gpu = pc.slots.find((s) => s.id === 'gpu') as Catalog['slots'][number];
  const [a, b] = gpu.options.map((o) => o.id) as [string, string];

  it('set a field without touching the input', () => {
    const next = setOptionField(pc, 'gpu', a, 'price', 123);
    expect(next.slots.find((s) => s.id === 'gpu')?.options[0]?.price).toBe(123);
    expect(gpu.options[0]?.price).not.toBe(123);
    const noCost = setOptionField(next, 'gpu', a, 'cost', undefined);
    expect(noCost.slots.find((s) => s.id === 'gpu')?.options[0]).not.toHaveProperty('cost');
  });

  it('add, duplicate and remove keep option ids unique across the catalog', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('add', 'dup', 'remove'), { maxLength: 12 }), (steps) => {
        let doc = pc;
        for (const step of steps) {
          const options = doc.slots.find((s) => s.id === 'gpu')?.options ?? [];
          if (step === 'add') doc = addOption(doc, 'gpu', 'New GPU').doc;
          else if (step === 'dup') doc = duplicateOption(doc, 'gpu', options.at(-1)?.id ?? a).doc;
          else {
            // Only options this test made: the file's own are named by rules.
            const made = options.filter((o) => o.id.includes('-new') || o.id.endsWith('-copy'));
            doc = removeOptions(
              doc,
              'gpu',
              made.slice(-1).map((o) => o.id),
            );
          }
        }
        expect(verdict(doc)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('bulk: prices by a percentage, attributes of several rows', () => {
    const next = adjustPrices(pc, 'gpu', [a, b], -10);
    const price = (d: Catalog, id: string) =>
      d.slots.flatMap((s) => s.options).find((o) => o.id === id)?.price;
    expect(price(next, a)).toBeCloseTo((price(pc, a) ?? 0) * 0.9, 2);
    const withAttr = setOptionsAttribute(pc, 'gpu', [a, b], 'vramGb', 99);
    expect(
      withAttr.slots
        .find((s) => s.id === 'gpu')
        ?.options.slice(0, 2)
        .map((o) => o.attributes.vramGb),
    ).toEqual([99, 99]);
  });

  it('adds a slot with one option', () => {
    const next = addSlot(
      pc,
      { id: 'fan', name: 'Fans', group: pc.groups[0]?.id ?? '', kind: 'optional' },
      'Fan',
    );
    expect(verdict(next)).toEqual([]);
    expect(next.slots.at(-1)?.options).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CatalogError, parseCatalog, validateCatalog } from './load.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';

const FILE = 'configs/catalogs/mini.json';

function problemsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    const e = error as CatalogError;
    expect(e.file).toBe(FILE);
    expect(e.message).toContain(FILE);
    return e.problems;
  }
  throw new Error('expected a CatalogError');
}

describe('parseCatalog', () => {
  it('accepts a well-formed catalog and fills defaults', () => {
    const catalog = parseCatalog(JSON.stringify(miniCatalog()), FILE);
    expect(catalog.slots.map((s) => s.id)).toEqual(['cpu', 'board', 'gpu', 'psu', 'disk', 'extras']);
    expect(catalog.slots[0]?.options[0]?.maxQuantity).toBe(1);
  });

  it('names the line and column of bad JSON', () => {
    const text = '{\n  "format": 1,\n  "id": "mini",,\n}';
    const [problem] = problemsOf(() => parseCatalog(text, FILE));
    expect(problem?.path).toBe('$');
    expect(problem?.message).toMatch(/not valid JSON at line 3, column \d+/);
  });

  it('names the rule path of an unknown slot', () => {
    const raw = miniCatalog();
    raw.rules?.push({
      id: 'ghost',
      kind: 'requires',
      when: [{ slot: 'cooler', empty: true }],
      then: { slot: 'cpu', option: 'cpu-amd' },
    });
    const problems = problemsOf(() => validateCatalog(raw, FILE));
    expect(problems).toContainEqual({ path: '$.rules[5].when[0].slot', message: 'unknown slot "cooler"' });
  });

  it('names an unknown option inside a known slot', () => {
    const raw = miniCatalog();
    raw.packages?.[0]?.includes.push({ slot: 'gpu', option: 'gpu-5090' });
    const problems = problemsOf(() => validateCatalog(raw, FILE));
    expect(problems).toContainEqual({
      path: '$.packages[0].includes[1].option',
      message: 'unknown option "gpu-5090" in slot "gpu"',
    });
  });

  it('names a wrong attribute type on an option', () => {
    const raw = miniCatalog();
    const cpu = raw.slots[0]?.options[0];
    if (!cpu?.attributes) throw new Error('fixture changed');
    cpu.attributes.draw = '65W';
    const problems = problemsOf(() => validateCatalog(raw, FILE));
    expect(problems).toEqual([
      { path: '$.slots[0].options[0].attributes.draw', message: 'must be a number (Power draw), got "65W"' },
    ]);
  });

  it('refuses undeclared attributes named like prototype members (constructor, toString)', () => {
    const raw = miniCatalog();
    const cpu = raw.slots[0]?.options[0];
    if (!cpu?.attributes) throw new Error('fixture changed');
    Object.assign(cpu.attributes, { constructor: 5 });
    raw.rules = [
      {
        id: 'odd',
        kind: 'excludes',
        all: [
          { slot: 'cpu', attr: 'toString', op: '>', value: 3 },
          { slot: 'cpu', option: 'cpu-amd' },
        ],
      },
    ];
    expect(problemsOf(() => validateCatalog(raw, FILE))).toEqual([
      {
        path: '$.slots[0].options[0].attributes.constructor',
        message: 'unknown attribute "constructor" (declare it in $.attributes)',
      },
      { path: '$.rules[0].all[0].attr', message: 'unknown attribute "toString"' },
    ]);
  });

  it('refuses an enum value outside the declared values and ordering on enums', () => {
    const raw = miniCatalog();
    const board = raw.slots[1]?.options[0];
    if (!board?.attributes) throw new Error('fixture changed');
    board.attributes.socket = 'AM4';
    raw.rules?.push({
      id: 'bad-op',
      kind: 'compatible',
      left: { slot: 'cpu', attr: 'socket' },
      op: '<',
      right: { slot: 'board', attr: 'socket' },
    });
    const paths = problemsOf(() => validateCatalog(raw, FILE)).map((p) => p.path);
    expect(paths).toEqual(['$.slots[1].options[0].attributes.socket', '$.rules[5].op']);
  });

  it('reports duplicate ids with where the first one is', () => {
    const raw = miniCatalog();
    const gpuSlot = raw.slots[2];
    if (!gpuSlot) throw new Error('fixture changed');
    gpuSlot.options.push({ id: 'cpu-amd', name: 'Clash', price: 1 });
    raw.rules?.push({
      id: 'power',
      kind: 'excludes',
      all: [
        { slot: 'gpu', empty: true },
        { slot: 'extras', empty: true },
      ],
    });
    const problems = problemsOf(() => validateCatalog(raw, FILE));
    expect(problems).toContainEqual({
      path: '$.slots[2].options[1].id',
      message: 'duplicate option id "cpu-amd" (first at $.slots[0].options[0].id)',
    });
    expect(problems).toContainEqual({
      path: '$.rules[5].id',
      message: 'duplicate rule id "power" (first at $.rules[2].id)',
    });
  });

  it('names schema problems by path (missing field, bad id, unknown rule kind)', () => {
    const raw = miniCatalog() as Record<string, unknown>;
    delete raw.currency;
    raw.groups = [{ id: 'Core Parts', name: 'Core' }];
    (raw.rules as unknown[]).push({ id: 'x', kind: 'implies' });
    const paths = problemsOf(() => validateCatalog(raw, FILE)).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.currency', '$.groups[0].id', '$.rules[5].kind']));
  });

  it('never crashes on arbitrary JSON: returns a catalog or throws a CatalogError with paths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          validateCatalog(value, FILE);
        } catch (error) {
          expect(error).toBeInstanceOf(CatalogError);
          expect((error as CatalogError).problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on a mutated valid catalog text', () => {
    const text = JSON.stringify(miniCatalog());
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 4 }), (at, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + 1);
        try {
          parseCatalog(mutated, FILE);
        } catch (error) {
          expect(error).toBeInstanceOf(CatalogError);
          for (const p of (error as CatalogError).problems) expect(p.path.startsWith('$')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import pcFile from '../../../configs/catalogs/pc.json';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { CatalogError, validateCatalog, type Catalog, type Condition, type Rule } from './index.ts';
import { ruleProblems } from './rule-check.ts';

/**
 * Rules drawn from a catalog's vocabulary and a little beyond it (an unknown slot, option and attribute, values of
 * every type, ids good and bad, messages with and without foreign placeholders): most are wrong somewhere.
 */
function looseRule(catalog: Catalog): fc.Arbitrary<Rule> {
  /** Mostly the catalog's own words, now and then one it lacks. */
  const mostly = <T>(good: readonly T[], bad: readonly T[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...good) },
      { weight: 1, arbitrary: fc.constantFrom(...bad) },
    );
  const slot = mostly(
    catalog.slots.map((s) => s.id),
    ['zz'],
  );
  const optionOf = (id: string) =>
    mostly(catalog.slots.find((s) => s.id === id)?.options.map((o) => o.id) ?? ['no-such'], ['no-such']);
  const attr = mostly(['w', 'k', 'f'], ['nope']);
  const op = fc.constantFrom('==', '!=', '<', '<=', '>', '>=') as fc.Arbitrary<Rule & { op: '==' }['op']>;
  const value = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'd'), fc.boolean());
  const condition: fc.Arbitrary<Condition> = slot.chain((s) =>
    fc.oneof(
      fc.record({ slot: fc.constant(s), option: optionOf(s) }),
      fc.record({ slot: fc.constant(s), anyOf: fc.array(optionOf(s), { maxLength: 2 }) }),
      fc.record({ slot: fc.constant(s), attr, op, value }),
      fc.record({ slot: fc.constant(s), empty: fc.boolean() }),
    ),
  );
  const ref = fc.record({ slot, attr });
  const head = {
    id: mostly(['fresh'], ['r0', 'Bad Id', '']),
    message: fc.option(mostly(['Plain words.', '{s0}', '{s1.w}'], ['{zz}', '{#total}', '{']), {
      nil: undefined,
      freq: 2,
    }),
  };
  const strip = <T extends { message?: string | undefined }>(r: T) => {
    if (r.message === undefined) delete r.message;
    return r;
  };
  return fc
    .oneof(
      fc.record({
        ...head,
        kind: fc.constant('requires' as const),
        when: fc.array(condition, { minLength: 1, maxLength: 2 }),
        then: condition,
      }),
      fc.record({
        ...head,
        kind: fc.constant('excludes' as const),
        all: fc.array(condition, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ ...head, kind: fc.constant('compatible' as const), left: ref, op, right: ref }),
      fc.record({
        ...head,
        kind: fc.constant('resource' as const),
        sum: fc.array(ref, { minLength: 1, maxLength: 2 }),
        op: fc.constantFrom('<=', '<', '==', '>=') as fc.Arbitrary<'<='>,
        limit: fc.oneof(
          fc.integer({ min: 0, max: 9 }),
          fc.record({ slot, attr, factor: mostly([1, 0.5], [0, -1]) }),
        ),
      }),
    )
    .map((r) => strip(r) as Rule);
}

function accepted(catalog: Catalog): boolean {
  try {
    validateCatalog(catalog, 'draft.json');
    return true;
  } catch (error) {
    if (error instanceof CatalogError) return false;
    throw error;
  }
}

describe('ruleProblems', () => {
  it('on random catalogs: no problem exactly when validateCatalog accepts the rule, added or in place', () => {
    const drawn = arbitraryCatalog.chain((catalog) =>
      fc.record({ catalog: fc.constant(catalog), rule: looseRule(catalog), at: fc.nat() }),
    );
    fc.assert(
      fc.property(drawn, ({ catalog, rule, at }) => {
        const place = catalog.rules.length === 0 ? -1 : at % (catalog.rules.length + 1);
        const inPlace = place >= 0 && place < catalog.rules.length;
        const rules = inPlace
          ? catalog.rules.map((r, i) => (i === place ? rule : r))
          : [...catalog.rules, rule];
        const problems = ruleProblems(catalog, rule, inPlace ? place : -1);
        expect(problems.length === 0).toBe(accepted({ ...catalog, rules }));
      }),
      { numRuns: 400 },
    );
  });

  it('names the field of a compatible rule comparing an enum with a number', () => {
    const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
    const rule: Rule = {
      id: 'socket-vs-tdp',
      kind: 'compatible',
      left: { slot: 'cpu', attr: 'socket' },
      op: '<=',
      right: { slot: 'motherboard', attr: 'memorySlots' },
    };
    expect(ruleProblems(pc, rule).map((p) => [p.path, p.code])).toEqual([
      ['right.attr', 'attrTypes'],
      ['op', 'opNeedsNumber'],
    ]);
  });

  it('flags a rename that would orphan the rule’s translated messages', () => {
    const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
    const at = pc.rules.findIndex((r) => r.id === 'cpu-socket');
    const translated = { ...pc, translations: { de: { rules: { 'cpu-socket': 'Sockel {cpu}' } } } };
    const renamed = { ...(pc.rules[at] as Rule), id: 'socket' };
    expect(ruleProblems(translated, renamed, at).map((p) => p.code)).toContain('idHasTexts');
  });
});

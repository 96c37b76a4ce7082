import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import pcFile from '../../../configs/catalogs/pc.json';
import { arbitraryCatalog } from '../../../test/fixtures/arbitrary-catalog.ts';
import { validateCatalog, type Rule } from './index.ts';
import { ruleProblems } from './rule-check.ts';
import { newRule, slotAttributes, templatePlaceholders, unknownPlaceholders } from './rule-vocabulary.ts';

const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
const kinds: Rule['kind'][] = ['requires', 'excludes', 'compatible', 'resource'];

describe('rule vocabulary', () => {
  it('offers a slot only the attributes its options carry', () => {
    expect(slotAttributes(pc, 'cpu')).toContain('socket');
    expect(slotAttributes(pc, 'cpu')).not.toContain('watts');
    expect(slotAttributes(pc, 'psu', 'number')).toContain('watts');
  });

  it('starts every kind of rule valid on the PC catalog and on random catalogs with two slots', () => {
    for (const kind of kinds) expect(ruleProblems(pc, newRule(pc, kind))).toEqual([]);
    fc.assert(
      fc.property(
        arbitraryCatalog,
        fc.constantFrom('requires', 'excludes', 'resource') as fc.Arbitrary<Rule['kind']>,
        (catalog, kind) => {
          fc.pre(
            catalog.slots.length >= 2 &&
              catalog.slots.some((s) => slotAttributes(catalog, s.id, 'number').length > 0),
          );
          // Conditions on a slot's first option are valid on any slot; a resource rule needs a number somewhere.
          expect(ruleProblems(catalog, newRule(catalog, kind))).toEqual([]);
        },
      ),
    );
  });

  it('lists the placeholders a rule offers and flags the others', () => {
    const rule = pc.rules.find((r) => r.id === 'cpu-socket') as Rule;
    expect(templatePlaceholders(rule)).toEqual([
      '{cpu}',
      '{cpu.socket}',
      '{motherboard}',
      '{motherboard.socket}',
    ]);
    expect(unknownPlaceholders('The {cpu} has {cpu.tdp}, the {gpu}.', rule)).toEqual(['{cpu.tdp}', '{gpu}']);
    const resource = newRule(pc, 'resource');
    expect(templatePlaceholders(resource)).toContain('{#total}');
    expect(templatePlaceholders(resource)).not.toContain('{#factor}');
  });
});

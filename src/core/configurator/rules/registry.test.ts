import { describe, expect, it } from 'vitest';
import { ruleSchema, validateCatalog } from '../../catalog/index.ts';
import { miniCatalog } from '../../../../test/fixtures/mini-catalog.ts';
import { startModel } from '../compile-catalog.ts';
import { compileRule, ruleCompilers } from './registry.ts';

describe('ruleCompilers', () => {
  it('has a compiler for every rule kind of the schema, and none other', () => {
    const kinds = ruleSchema.options.map((o) => o.shape.kind.value);
    expect(Object.keys(ruleCompilers).sort()).toEqual([...kinds].sort());
  });

  it('compiles each rule of the mini catalog to tables named after it, with its words', () => {
    const catalog = validateCatalog(miniCatalog(), 'mini.json');
    const m = startModel(catalog);
    for (const rule of catalog.rules) {
      const tables = compileRule(rule, m.ctx);
      expect(tables.length, rule.id).toBeGreaterThan(0);
      for (const t of tables) expect(m.b.origin.get(t.id)).toBe(rule.id);
      // The rule's own test (not a definition of an auxiliary variable) carries its words for explanations.
      expect(tables.filter((t) => !m.b.definitions.has(t.id)).map((t) => t.label)).toContain(
        m.ctx.label(rule),
      );
    }
  });
});

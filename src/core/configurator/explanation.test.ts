import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexCatalog, quantityBounds, validateCatalog, type Build, type Catalog } from '../catalog/index.ts';
import { compare } from '../catalog/evaluate.ts';
import {
  buildsKeeping,
  configuratorOf,
  refusal,
  someBuild,
  type Fixed,
} from '../../../test/fixtures/refusals.ts';
import type { Explanation } from './explanation.ts';

/**
 * The explanation's fixed options: its choices, and the refused option at any quantity where its slot has one (the
 * refusal explained), or in a multi slot at one (the quantity its resource figures are given for).
 */
function fixedOf(catalog: Catalog, e: Explanation, multi: 'any' | 'one'): Fixed {
  const slot = catalog.slots.find((s) => s.id === e.refused.slot);
  const any = slot?.kind === 'multi' ? multi === 'any' : slot && quantityBounds(slot).max > 1;
  return [...e.choices, { ...e.refused, quantity: any ? undefined : 1 }];
}

function total(catalog: Catalog, build: Build, refs: { slot: string; attr: string }[]): number {
  const index = indexCatalog(catalog);
  let sum = 0;
  for (const ref of refs)
    for (const [option, qty] of Object.entries(build[ref.slot] ?? {})) {
      const v = index.option.get(option)?.option.attributes[ref.attr];
      if (typeof v === 'number') sum += v * qty;
    }
  return sum;
}

describe('explanations of refusals, against brute force on random catalogs', () => {
  it('name rules that exclude the option with the choices, and each of them is needed', () => {
    fc.assert(
      fc.property(refusal, ({ catalog, build, slot, option }) => {
        const e = configuratorOf(catalog).explain(build, slot, option);
        expect(e).not.toBeNull();
        if (!e) return;
        expect(e.minimal).toBe(true);
        const ids = e.rules.map((r) => r.id);
        const known = new Set([
          ...catalog.rules.map((r) => r.id),
          ...catalog.packages.map((p) => `package:${p.id}`),
          ...catalog.slots.map((s) => `slot:${s.id}`),
        ]);
        for (const id of ids) expect(known.has(id), id).toBe(true);
        const fixed = fixedOf(catalog, e, 'any');
        expect(someBuild(catalog, fixed, ids)).toBe(false);
        for (const id of ids)
          expect(
            someBuild(
              catalog,
              fixed,
              ids.filter((other) => other !== id),
            ),
            `without ${id}`,
          ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('name choices that exclude the option at every quantity, and dropping any one frees it', () => {
    fc.assert(
      fc.property(refusal, ({ catalog, build, slot, option }) => {
        const e = configuratorOf(catalog).explain(build, slot, option);
        if (!e) return;
        const fixed = fixedOf(catalog, e, 'any');
        const every = [
          ...catalog.rules.map((r) => r.id),
          ...catalog.packages.map((p) => `package:${p.id}`),
          ...catalog.slots.filter((s) => s.kind === 'multi').map((s) => `slot:${s.id}`),
        ];
        expect(someBuild(catalog, fixed, every)).toBe(false);
        for (const c of e.choices)
          expect(
            someBuild(
              catalog,
              fixed.filter((f) => f !== c),
              every,
            ),
            `without ${c.option}`,
          ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  // Two of two wanted, and "o0 or o1 excludes o2": o2 once is always refused, yet twice is a build.
  it('explain an option of a multi slot at no quantity by the choice that excludes it, not by "never"', () => {
    const option = (id: string, maxQuantity: number) => ({
      id,
      name: id,
      price: 0,
      attributes: {},
      maxQuantity,
    });
    const catalog = validateCatalog(
      {
        format: 1,
        id: 'two-of-two',
        version: '2026.1.0',
        description: 'regression',
        attributes: {},
        name: 'Two of two',
        currency: 'EUR',
        basePrice: 0,
        groups: [{ id: 'g', name: 'All' }],
        slots: [
          {
            id: 's0',
            name: 'Slot 0',
            group: 'g',
            kind: 'multi',
            quantity: { min: 2, max: 2 },
            options: [option('s0-o0', 1), option('s0-o1', 1), option('s0-o2', 2)],
          },
        ],
        rules: [
          {
            id: 'r0',
            kind: 'excludes',
            all: [
              { slot: 's0', anyOf: ['s0-o0', 's0-o1'] },
              { slot: 's0', option: 's0-o2' },
            ],
          },
        ],
      },
      'two-of-two',
    );
    const c = configuratorOf(catalog);
    expect(c.explain({}, 's0', 's0-o2')).toBeNull();
    const e = c.explain({ s0: { 's0-o0': 1 } }, 's0', 's0-o2');
    expect(e?.choices).toEqual([{ slot: 's0', option: 's0-o0', quantity: 1 }]);
    expect(e?.rules.map((r) => r.id)).toEqual(['r0']);
  });

  it('give resource figures that bound every build keeping the options, and break the rule when decisive', () => {
    fc.assert(
      fc.property(refusal, ({ catalog, build, slot, option }) => {
        const e = configuratorOf(catalog).explain(build, slot, option);
        for (const reason of e?.rules ?? []) {
          const rule = catalog.rules.find((r) => r.id === reason.id);
          const f = reason.figures;
          if (!e || rule?.kind !== 'resource' || !f) continue;
          const parts = f.parts.reduce((t, p) => t + p.value, 0);
          expect(f.total).toBeCloseTo(parts + f.rest, 6);
          for (const b of buildsKeeping(catalog, fixedOf(catalog, e, 'one'))) {
            const sum = total(catalog, b, rule.sum);
            const limit =
              typeof rule.limit === 'number'
                ? rule.limit
                : total(catalog, b, [rule.limit]) * rule.limit.factor;
            if (f.direction === 'min') {
              expect(sum).toBeGreaterThanOrEqual(f.total - 1e-9);
              expect(limit).toBeLessThanOrEqual(f.limit + 1e-9);
            } else {
              expect(sum).toBeLessThanOrEqual(f.total + 1e-9);
              expect(limit).toBeGreaterThanOrEqual(f.limit - 1e-9);
            }
          }
          if (f.decisive && rule.op !== '==') expect(compare(f.total, rule.op, f.limit)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

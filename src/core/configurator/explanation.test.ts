import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexCatalog, quantityBounds, type Build, type Catalog } from '../catalog/index.ts';
import { compare } from '../catalog/evaluate.ts';
import {
  buildsKeeping,
  configuratorOf,
  refusal,
  someBuild,
  type Fixed,
} from '../../../test/fixtures/refusals.ts';
import type { Explanation } from './explanation.ts';

/** The explanation's fixed options: its choices, and the refused option (any quantity where its slot has one). */
function fixedOf(catalog: Catalog, e: Explanation): Fixed {
  const slot = catalog.slots.find((s) => s.id === e.refused.slot);
  const quantity = slot?.kind === 'multi' ? 1 : slot && quantityBounds(slot).max > 1 ? undefined : 1;
  return [...e.choices, { ...e.refused, quantity }];
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
        const fixed = fixedOf(catalog, e);
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
          for (const b of buildsKeeping(catalog, fixedOf(catalog, e))) {
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

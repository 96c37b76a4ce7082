import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogWords, type Catalog, type Condition } from '../catalog/index.ts';
import { configuratorOf, refusal } from '../../../test/fixtures/refusals.ts';
import type { Explanation } from './explanation.ts';
import { REASON_KEYS, ReasonWords, type ReasonKey } from './reason-words.ts';
import { renderReason } from './render-reason.ts';

const key = (n: number) => Math.round(n * 1000);

/** Renders while recording every option named and every number written. */
function recorded(catalog: Catalog, e: Explanation) {
  const named = new Set<string>();
  const numbers: number[] = [];
  const keys: ReasonKey[] = [];
  const say = (k: ReasonKey, values: Record<string, string> = {}) => {
    keys.push(k);
    return `‹${k} ${Object.values(values).join(' ¦ ')}›`;
  };
  class Recording extends ReasonWords {
    override option(id: string): string {
      named.add(id);
      return super.option(id);
    }
  }
  const w = new Recording(catalog, catalogWords(catalog, 'en'), say, (n) => {
    numbers.push(n);
    return String(n);
  });
  return { reason: renderReason(w, catalog, e), named, numbers, keys };
}

/** Options a rule of the explanation names itself ("requires the 8-speed automatic"). */
function namedByRules(catalog: Catalog, e: Explanation): string[] {
  const fromCondition = (c: Condition) => ('option' in c ? [c.option] : 'anyOf' in c ? c.anyOf : []);
  return e.rules.flatMap((r) => {
    const rule = catalog.rules.find((c) => c.id === r.id);
    if (rule?.kind === 'requires') return [...rule.when, rule.then].flatMap(fromCondition);
    if (rule?.kind === 'excludes') return rule.all.flatMap(fromCondition);
    const pkg = catalog.packages.find((p) => `package:${p.id}` === r.id);
    return pkg ? [pkg.option.option, ...pkg.includes.map((i) => i.option)] : [];
  });
}

/** Numbers a reason may state: the options' attribute values and quantities, the rules' constants, the figures. */
function allowedNumbers(catalog: Catalog, e: Explanation, options: readonly string[]): Set<number> {
  const out = new Set<number>([1]);
  const all = new Map(catalog.slots.flatMap((s) => s.options.map((o) => [o.id, o] as const)));
  for (const id of options)
    for (const v of Object.values(all.get(id)?.attributes ?? {})) if (typeof v === 'number') out.add(key(v));
  for (const b of [...e.choices, ...e.rules.flatMap((r) => r.options)])
    if (b.quantity !== undefined) out.add(key(b.quantity));
  const conditionValue = (c: Condition) => ('value' in c && typeof c.value === 'number' ? [c.value] : []);
  for (const r of e.rules) {
    const rule = catalog.rules.find((c) => c.id === r.id);
    if (rule?.kind === 'requires')
      [...rule.when, rule.then].flatMap(conditionValue).forEach((v) => out.add(key(v)));
    if (rule?.kind === 'excludes') rule.all.flatMap(conditionValue).forEach((v) => out.add(key(v)));
    if (rule?.kind === 'resource' && typeof rule.limit === 'number') out.add(key(rule.limit));
    const slot = catalog.slots.find((s) => `slot:${s.id}` === r.id);
    if (slot?.quantity) [slot.quantity.min, slot.quantity.max].forEach((v) => out.add(key(v)));
    const f = r.figures;
    if (!f) continue;
    for (const n of [f.total, f.rest, f.limit, f.parts.reduce((t, p) => t + p.value, 0)]) out.add(key(n));
    for (const p of [...f.parts, ...(f.limitOption ? [f.limitOption] : [])])
      [p.each, p.value, p.quantity].forEach((v) => out.add(key(v)));
  }
  return out;
}

describe('rendered reasons on random catalogs', () => {
  it('name only options of the build, the refused one and those a rule names; state only their numbers', () => {
    fc.assert(
      fc.property(refusal, ({ catalog, build, slot, option }) => {
        const e = configuratorOf(catalog).explain(build, slot, option);
        expect(e).not.toBeNull();
        if (!e) return;
        const { reason, named, numbers, keys } = recorded(catalog, e);
        const inBuild = Object.values(build).flatMap((chosen) => Object.keys(chosen));
        const mayName = new Set([...inBuild, option, ...namedByRules(catalog, e)]);
        for (const id of named) expect(mayName.has(id), `names ${id}`).toBe(true);
        const allowed = allowedNumbers(catalog, e, [...inBuild, option]);
        for (const n of numbers) expect(allowed.has(key(n)), `states ${n}`).toBe(true);
        for (const k of keys) expect(REASON_KEYS).toContain(k);
        // Every rule speaks: in its filled-in message when it alone is broken, else one statement each.
        const templated = keys.every(
          (k) =>
            ![
              'compatible',
              'requires',
              'excludes',
              'resourceAtLeast',
              'resourceAtMost',
              'resourceRule',
              'compatibleOpen',
              'compatibleRule',
              'package',
              'slotTotal',
            ].includes(k),
        );
        if (templated && e.rules.length === 1) expect(reason.steps).toHaveLength(1);
        else expect(reason.steps.length - e.rules.length).toBeGreaterThanOrEqual(0);
        expect(reason.steps.length).toBeLessThanOrEqual(e.rules.length + 1);
        expect(reason.steps.join(' ')).not.toMatch(/undefined|NaN|\{/);
      }),
      { numRuns: 300 },
    );
  });
});

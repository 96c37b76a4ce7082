import type { AttributeDef, AttrRef, Catalog, Comparison, Condition, Rule } from './schema.ts';
import { FIGURES, ruleConcerns } from './template.ts';

/**
 * What the rule builder offers at each place: the attributes a slot's options carry, the comparisons an attribute
 * type allows, a sensible first rule of each kind, and the placeholders a rule's message may use.
 */

export const COMPARISONS: readonly Comparison[] = ['==', '!=', '<', '<=', '>', '>='];
export const RESOURCE_OPS = ['<=', '<', '==', '>='] as const;
export type ResourceOp = (typeof RESOURCE_OPS)[number];

/** The attributes the options of a slot carry, in the catalog's order of attributes. */
export function slotAttributes(catalog: Catalog, slotId: string, type?: AttributeDef['type']): string[] {
  const slot = catalog.slots.find((s) => s.id === slotId);
  const carried = new Set(slot?.options.flatMap((o) => Object.keys(o.attributes)) ?? []);
  return Object.entries(catalog.attributes)
    .filter(([name, def]) => carried.has(name) && (type === undefined || def.type === type))
    .map(([name]) => name);
}

/** Comparisons an attribute of this type allows (order needs numbers). */
export function comparisonsFor(def: AttributeDef | undefined): readonly Comparison[] {
  return def?.type === 'number' ? COMPARISONS : ['==', '!='];
}

/** A value of the attribute's type to start from: the first enum value, `true`, or a value the slot's options hold. */
export function firstValue(catalog: Catalog, slotId: string, attr: string): string | number | boolean {
  const def = catalog.attributes[attr];
  if (def?.type === 'enum') return def.values[0] ?? '';
  if (def?.type === 'boolean') return true;
  const slot = catalog.slots.find((s) => s.id === slotId);
  const held = slot?.options.map((o) => o.attributes[attr]).find((v) => typeof v === 'number');
  return typeof held === 'number' ? held : 0;
}

/** The simplest condition on a slot: its first option chosen. */
export function firstCondition(catalog: Catalog, slotId: string): Condition {
  const slot = catalog.slots.find((s) => s.id === slotId) ?? catalog.slots[0];
  return { slot: slot?.id ?? slotId, option: slot?.options[0]?.id ?? '' };
}

/** An id of the form `<kind>-<n>` that no rule has. */
export function freshRuleId(rules: readonly Rule[], stem: string): string {
  const taken = new Set(rules.map((r) => r.id));
  let n = 1;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** Two different slots carrying attributes of one type (the same attribute if any pair shares one). */
function comparablePair(catalog: Catalog): [AttrRef, AttrRef] | undefined {
  const refs = catalog.slots.flatMap((s) =>
    slotAttributes(catalog, s.id).map((attr) => ({ slot: s.id, attr })),
  );
  const type = (r: AttrRef) => catalog.attributes[r.attr]?.type;
  let loose: [AttrRef, AttrRef] | undefined;
  for (const a of refs)
    for (const b of refs) {
      if (a.slot === b.slot || type(a) !== type(b)) continue;
      if (a.attr === b.attr) return [a, b];
      loose ??= [a, b];
    }
  return loose;
}

/** A new rule of a kind, built from the catalog's own slots and attributes (valid wherever the catalog allows). */
export function newRule(catalog: Catalog, kind: Rule['kind']): Rule {
  const id = freshRuleId(catalog.rules, kind);
  const [first, second] = catalog.slots;
  const a = first?.id ?? '';
  const b = second?.id ?? a;
  switch (kind) {
    case 'requires':
      return { id, kind, when: [firstCondition(catalog, a)], then: firstCondition(catalog, b) };
    case 'excludes':
      return { id, kind, all: [firstCondition(catalog, a), firstCondition(catalog, b)] };
    case 'compatible': {
      const [left, right] = comparablePair(catalog) ?? [
        { slot: a, attr: '' },
        { slot: b, attr: '' },
      ];
      return { id, kind, left, op: '==', right };
    }
    case 'resource': {
      const slot = catalog.slots.find((s) => slotAttributes(catalog, s.id, 'number').length > 0) ?? first;
      const attr = slotAttributes(catalog, slot?.id ?? '', 'number')[0] ?? '';
      return { id, kind, sum: [{ slot: slot?.id ?? '', attr }], op: '<=', limit: 0 };
    }
  }
}

/** The placeholders a rule's message may use, as written in a template (`{cpu}`, `{cpu.socket}`, `{#total}`). */
export function templatePlaceholders(rule: Rule): string[] {
  const { slots, attrs } = ruleConcerns(rule);
  const out = [...slots].flatMap((s) => [`{${s}}`, ...[...(attrs.get(s) ?? [])].map((a) => `{${s}.${a}}`)]);
  if (rule.kind === 'resource')
    for (const f of FIGURES) if (f !== 'factor' || typeof rule.limit !== 'number') out.push(`{#${f}}`);
  return out;
}

/** Placeholders of a template that the rule does not offer, as written (`{gpu.watts}`). */
export function unknownPlaceholders(template: string, rule: Rule): string[] {
  const offered = new Set(templatePlaceholders(rule));
  return [...new Set(template.match(/\{[^{}]*\}/g) ?? [])].filter((p) => !offered.has(p));
}

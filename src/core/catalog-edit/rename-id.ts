import type { AttrRef, Catalog, CatalogTexts, Condition, Rule } from '../catalog/index.ts';

/** What an id names. Options are unique across the catalog, the others within their own list. */
export type IdKind = 'group' | 'slot' | 'option' | 'rule' | 'package' | 'priceRule' | 'attribute';

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const ATTR = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** Every id of a kind the document holds. */
function idsOf(doc: Catalog, kind: IdKind): string[] {
  switch (kind) {
    case 'group':
      return doc.groups.map((g) => g.id);
    case 'slot':
      return doc.slots.map((s) => s.id);
    case 'option':
      return doc.slots.flatMap((s) => s.options.map((o) => o.id));
    case 'rule':
      return doc.rules.map((r) => r.id);
    case 'package':
      return doc.packages.map((p) => p.id);
    case 'priceRule':
      return doc.priceRules.map((p) => p.id);
    case 'attribute':
      return Object.keys(doc.attributes);
  }
}

export const idTaken = (doc: Catalog, kind: IdKind, id: string) => idsOf(doc, kind).includes(id);

/** Why `id` cannot be the new name (the schema's pattern, or taken), or undefined when it can. */
export function idProblem(doc: Catalog, kind: IdKind, id: string): 'pattern' | 'taken' | undefined {
  const pattern = kind === 'attribute' ? ATTR : ID;
  if (!pattern.test(id) || id.length > 80) return 'pattern';
  return idTaken(doc, kind, id) ? 'taken' : undefined;
}

/** Rewrites a template's placeholders: `{slot}`, `{slot.attr}`; figures (`{#total}`) and text stay. */
function rewriteTemplate(template: string, f: (name: string) => string): string {
  return template.replace(/\{([^{}#][^{}]*)\}/g, (_, name: string) => `{${f(name)}}`);
}

function renameKey<T>(record: Record<string, T> | undefined, from: string, to: string) {
  if (!record || !(from in record)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

function forEachCondition(doc: Catalog, f: (c: Condition) => void) {
  for (const r of doc.rules) {
    if (r.kind === 'requires') [...r.when, r.then].forEach(f);
    if (r.kind === 'excludes') r.all.forEach(f);
  }
  for (const p of doc.priceRules) p.when.forEach(f);
}

function forEachAttrRef(doc: Catalog, f: (ref: AttrRef) => void) {
  for (const r of doc.rules) {
    if (r.kind === 'compatible') [r.left, r.right].forEach(f);
    if (r.kind === 'resource') {
      r.sum.forEach(f);
      if (typeof r.limit !== 'number') f(r.limit);
    }
  }
}

/** Every rule message, the file's own and each translation's, rewritten by `f`. */
function forEachMessage(doc: Catalog, f: (template: string, rule: Rule) => string) {
  const rules = new Map(doc.rules.map((r) => [r.id, r]));
  for (const r of doc.rules) if (r.message !== undefined) r.message = f(r.message, r);
  for (const t of Object.values(doc.translations ?? {}))
    for (const [id, m] of Object.entries(t?.rules ?? {})) {
      const rule = rules.get(id);
      if (rule && t?.rules) t.rules[id] = f(m, rule);
    }
}

function eachTexts(doc: Catalog, f: (t: CatalogTexts) => void) {
  for (const t of Object.values(doc.translations ?? {})) if (t) f(t);
}

/**
 * Renames an id and every reference to it: rules (conditions, attribute references, message placeholders in every
 * language), packages, price rules, slots' groups, options' attributes and the translations' keys.
 * Pre: `idProblem(doc, kind, to)` is undefined and `to` is named nowhere in the document (else a dangling reference
 * could start to resolve). Post: validateCatalog's verdict on the result equals its verdict on `doc`, the problems'
 * paths the same with `from` read as `to`.
 */
export function renameId(doc: Catalog, kind: IdKind, from: string, to: string): Catalog {
  if (from === to || !idTaken(doc, kind, from)) return doc;
  const next = structuredClone(doc);
  const slotIds = new Set(next.slots.map((s) => s.id));
  switch (kind) {
    case 'group':
      for (const g of next.groups) if (g.id === from) g.id = to;
      for (const s of next.slots) if (s.group === from) s.group = to;
      eachTexts(next, (t) => (t.groups = renameKey(t.groups, from, to)));
      break;
    case 'slot':
      for (const s of next.slots) if (s.id === from) s.id = to;
      forEachCondition(next, (c) => c.slot === from && (c.slot = to));
      forEachAttrRef(next, (r) => r.slot === from && (r.slot = to));
      for (const p of next.packages)
        for (const ref of [p.option, ...p.includes]) if (ref.slot === from) ref.slot = to;
      // A whole slot id wins over a slot.attr split, as parseTemplate reads it.
      forEachMessage(next, (m) =>
        rewriteTemplate(m, (name) => {
          if (name === from) return to;
          if (slotIds.has(name) || !name.startsWith(`${from}.`)) return name;
          const attr = name.slice(from.length + 1);
          return ATTR.test(attr) ? `${to}.${attr}` : name;
        }),
      );
      eachTexts(next, (t) => (t.slots = renameKey(t.slots, from, to)));
      break;
    case 'option':
      for (const s of next.slots) for (const o of s.options) if (o.id === from) o.id = to;
      forEachCondition(next, (c) => {
        if ('option' in c && c.option === from) c.option = to;
        if ('anyOf' in c) c.anyOf = c.anyOf.map((o) => (o === from ? to : o));
      });
      for (const p of next.packages)
        for (const ref of [p.option, ...p.includes]) if (ref.option === from) ref.option = to;
      eachTexts(next, (t) => (t.options = renameKey(t.options, from, to)));
      break;
    case 'rule':
      for (const r of next.rules) if (r.id === from) r.id = to;
      eachTexts(next, (t) => (t.rules = renameKey(t.rules, from, to)));
      break;
    case 'package':
      for (const p of next.packages) if (p.id === from) p.id = to;
      break;
    case 'priceRule':
      for (const p of next.priceRules) if (p.id === from) p.id = to;
      eachTexts(next, (t) => (t.priceRules = renameKey(t.priceRules, from, to)));
      break;
    case 'attribute':
      next.attributes = renameKey(next.attributes, from, to) ?? {};
      for (const s of next.slots)
        for (const o of s.options) o.attributes = renameKey(o.attributes, from, to) ?? {};
      forEachCondition(next, (c) => 'attr' in c && c.attr === from && (c.attr = to));
      forEachAttrRef(next, (r) => r.attr === from && (r.attr = to));
      forEachMessage(next, (m) =>
        rewriteTemplate(m, (name) => {
          const dot = name.lastIndexOf('.');
          if (slotIds.has(name) || dot <= 0 || name.slice(dot + 1) !== from) return name;
          return `${name.slice(0, dot)}.${to}`;
        }),
      );
      eachTexts(next, (t) => (t.attributes = renameKey(t.attributes, from, to)));
      break;
  }
  return next;
}

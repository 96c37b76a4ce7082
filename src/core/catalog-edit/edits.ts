import type { AttributeValue, Catalog, Option, Slot } from '../catalog/index.ts';

/**
 * The catalog editor's edits (issue 18 §1): each a pure function from one document to the next, so that the editor's
 * undo history is a list of documents and every edit is testable without a page. Pre: the document has the catalog's
 * shape (it need not validate: a draft may name a slot being renamed). Post: a new document; the input is untouched.
 * An edit naming something the document lacks returns the document unchanged.
 */

export type CatalogField = 'name' | 'description' | 'currency' | 'basePrice';
export type OptionField = 'name' | 'description' | 'price' | 'cost' | 'maxQuantity';
export type SlotField = 'name' | 'description' | 'group' | 'kind' | 'quantity';

export { renameId, idTaken, idProblem, type IdKind } from './rename-id.ts';

export function setCatalogField<K extends CatalogField>(doc: Catalog, field: K, value: Catalog[K]): Catalog {
  return { ...doc, [field]: value };
}

/** `record` with `key` set to `value`, or without `key` when `value` is undefined (JSON has no undefined). */
function withField<T extends object>(record: T, key: string, value: unknown): T {
  // Keys keep their place, so that an exported file differs from the imported one only where it was edited.
  const entries = Object.entries(record).filter(([k]) => k !== key || value !== undefined);
  if (value !== undefined && !(key in record)) entries.push([key, value]);
  return Object.fromEntries(entries.map(([k, v]) => [k, k === key ? value : v])) as T;
}

const mapSlot = (doc: Catalog, slotId: string, f: (s: Slot) => Slot): Catalog => ({
  ...doc,
  slots: doc.slots.map((s) => (s.id === slotId ? f(s) : s)),
});

const mapOptions = (doc: Catalog, slotId: string, ids: readonly string[], f: (o: Option) => Option) => {
  const set = new Set(ids);
  return mapSlot(doc, slotId, (s) => ({ ...s, options: s.options.map((o) => (set.has(o.id) ? f(o) : o)) }));
};

/** A field of several options at once; `undefined` removes an optional one (description, cost). */
export function setOptionsField(
  doc: Catalog,
  slotId: string,
  optionIds: readonly string[],
  field: OptionField,
  value: string | number | undefined,
): Catalog {
  return mapOptions(doc, slotId, optionIds, (o) => withField(o, field, value));
}

export const setOptionField = (
  doc: Catalog,
  slotId: string,
  optionId: string,
  field: OptionField,
  value: string | number | undefined,
) => setOptionsField(doc, slotId, [optionId], field, value);

/** An attribute value of several options; `undefined` removes it (a missing attribute counts as 0 in sums). */
export function setOptionsAttribute(
  doc: Catalog,
  slotId: string,
  optionIds: readonly string[],
  attr: string,
  value: AttributeValue | undefined,
): Catalog {
  return mapOptions(doc, slotId, optionIds, (o) => {
    return { ...o, attributes: withField(o.attributes, attr, value) };
  });
}

/**
 * Prices of several options changed by `percent` (−10: ten per cent off), rounded to whole cents of the unit.
 * Post: each price p becomes round(p × (1 + percent/100), 2 decimals).
 */
export function adjustPrices(doc: Catalog, slotId: string, optionIds: readonly string[], percent: number) {
  return mapOptions(doc, slotId, optionIds, (o) => ({
    ...o,
    price: Math.round(o.price * (1 + percent / 100) * 100) / 100,
  }));
}

/** `base`, else `base-2`, `base-3`…: the first id no option (or slot, for slots) has. */
export function freshId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const optionIds = (doc: Catalog) => new Set(doc.slots.flatMap((s) => s.options.map((o) => o.id)));

/** A new option at the end of the slot, named so the table can show it; its id is fresh across the catalog. */
export function addOption(doc: Catalog, slotId: string, name: string): { doc: Catalog; id: string } {
  const id = freshId(optionIds(doc), `${slotId}-new`);
  const option: Option = { id, name, price: 0, attributes: {}, maxQuantity: 1 };
  return { doc: mapSlot(doc, slotId, (s) => ({ ...s, options: [...s.options, option] })), id };
}

/** A copy of an option right after it, with a fresh id; translations are copied too. */
export function duplicateOption(
  doc: Catalog,
  slotId: string,
  optionId: string,
): { doc: Catalog; id: string } {
  const slot = doc.slots.find((s) => s.id === slotId);
  const original = slot?.options.find((o) => o.id === optionId);
  if (!slot || !original) return { doc, id: optionId };
  const id = freshId(optionIds(doc), `${optionId}-copy`);
  const copy: Option = structuredClone({ ...original, id });
  const at = slot.options.indexOf(original) + 1;
  const next = mapSlot(doc, slotId, (s) => ({
    ...s,
    options: [...s.options.slice(0, at), copy, ...s.options.slice(at)],
  }));
  return { doc: mapTranslations(next, (t) => copyKey(t, 'options', optionId, id)), id };
}

/**
 * Removes options and their translations. Rules, packages and price rules that name them are left as they are: the
 * checks then name each broken reference by its path, rather than the editor deleting rules behind one's back.
 */
export function removeOptions(doc: Catalog, slotId: string, ids: readonly string[]): Catalog {
  const set = new Set(ids);
  const next = mapSlot(doc, slotId, (s) => ({ ...s, options: s.options.filter((o) => !set.has(o.id)) }));
  return mapTranslations(next, (t) => dropKeys(t, 'options', set));
}

/** A new slot at the end, with one option (a slot needs at least one). */
export function addSlot(
  doc: Catalog,
  slot: { id: string; name: string; group: string; kind: Slot['kind'] },
  firstOptionName: string,
): Catalog {
  const optionId = freshId(optionIds(doc), `${slot.id}-1`);
  const option: Option = { id: optionId, name: firstOptionName, price: 0, attributes: {}, maxQuantity: 1 };
  return { ...doc, slots: [...doc.slots, { ...slot, options: [option] }] };
}

export function setSlotField<K extends SlotField>(doc: Catalog, slotId: string, field: K, value: Slot[K]) {
  return mapSlot(doc, slotId, (s) => withField(s, field, value));
}

export function removeSlot(doc: Catalog, slotId: string): Catalog {
  return { ...doc, slots: doc.slots.filter((s) => s.id !== slotId) };
}

type Texts = NonNullable<NonNullable<Catalog['translations']>['de']>;
type Section = 'options' | 'slots';

function mapTranslations(doc: Catalog, f: (t: Texts) => Texts): Catalog {
  if (!doc.translations) return doc;
  const translations = Object.fromEntries(
    Object.entries(doc.translations).map(([lang, t]) => [lang, t && f(t)]),
  );
  return { ...doc, translations };
}

function copyKey(t: Texts, section: Section, from: string, to: string): Texts {
  const entry = t[section]?.[from];
  return entry ? { ...t, [section]: { ...t[section], [to]: { ...entry } } } : t;
}

function dropKeys(t: Texts, section: Section, ids: ReadonlySet<string>): Texts {
  const entries = t[section];
  if (!entries) return t;
  return { ...t, [section]: Object.fromEntries(Object.entries(entries).filter(([k]) => !ids.has(k))) };
}

/** A list's element replaced by id (groups, rules, packages, price rules); `undefined` removes it. */
export function setListItem<K extends 'groups' | 'packages' | 'priceRules' | 'rules'>(
  doc: Catalog,
  list: K,
  id: string,
  item: Catalog[K][number] | undefined,
): Catalog {
  const items = doc[list] as { id: string }[];
  const next =
    item === undefined ? items.filter((x) => x.id !== id) : items.map((x) => (x.id === id ? item : x));
  return { ...doc, [list]: next };
}

/** An element appended to a list, with an id fresh in that list. */
export function addListItem<K extends 'groups' | 'packages' | 'priceRules'>(
  doc: Catalog,
  list: K,
  make: (id: string) => Catalog[K][number],
  base: string,
): Catalog {
  const items = doc[list] as { id: string }[];
  const id = freshId(new Set(items.map((x) => x.id)), base);
  return { ...doc, [list]: [...items, make(id)] };
}

/** An attribute's definition replaced (or added, or with `undefined` removed, values on options left to the checks). */
export function setAttribute(doc: Catalog, name: string, def: Catalog['attributes'][string] | undefined) {
  return { ...doc, attributes: withField(doc.attributes, name, def) };
}

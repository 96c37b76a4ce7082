import type { Catalog, CatalogTexts, TranslationLanguage } from '../catalog/index.ts';

/**
 * Every text of a catalog a translator works on, one row each, with its English (the file's own) and where it lives
 * in a translation, so the editor shows the three languages side by side. `path` is the one missingTexts uses.
 */
export type TextRef =
  | { section: 'catalog'; field: 'name' | 'description' }
  | { section: 'groups' | 'priceRules' | 'rules'; id: string }
  | { section: 'slots' | 'options'; id: string; field: 'name' | 'description' }
  | { section: 'attributes'; id: string; field: 'label' | 'unit' }
  | { section: 'values'; id: string; value: string };

export interface TextEntry {
  ref: TextRef;
  path: string;
  english: string;
}

/** The rows in catalog order; texts the catalog does not have in English (no description) are no row. */
export function textEntries(doc: Catalog): TextEntry[] {
  const rows: TextEntry[] = [];
  const add = (ref: TextRef, path: string, english: string | undefined) => {
    if (english !== undefined) rows.push({ ref, path, english });
  };
  add({ section: 'catalog', field: 'name' }, '$.catalog.name', doc.name);
  add({ section: 'catalog', field: 'description' }, '$.catalog.description', doc.description);
  for (const g of doc.groups) add({ section: 'groups', id: g.id }, `$.groups["${g.id}"]`, g.name);
  for (const s of doc.slots) {
    add({ section: 'slots', id: s.id, field: 'name' }, `$.slots["${s.id}"].name`, s.name);
    add(
      { section: 'slots', id: s.id, field: 'description' },
      `$.slots["${s.id}"].description`,
      s.description,
    );
    for (const o of s.options) {
      add({ section: 'options', id: o.id, field: 'name' }, `$.options["${o.id}"].name`, o.name);
      add(
        { section: 'options', id: o.id, field: 'description' },
        `$.options["${o.id}"].description`,
        o.description,
      );
    }
  }
  for (const [attr, def] of Object.entries(doc.attributes)) {
    add({ section: 'attributes', id: attr, field: 'label' }, `$.attributes.${attr}.label`, def.label);
    if (def.type === 'number') {
      add({ section: 'attributes', id: attr, field: 'unit' }, `$.attributes.${attr}.unit`, def.unit);
      for (const [key, label] of Object.entries(def.valueLabels ?? {}))
        add({ section: 'values', id: attr, value: key }, `$.attributes.${attr}.values["${key}"]`, label);
    }
    if (def.type === 'enum')
      for (const value of def.values)
        add({ section: 'values', id: attr, value }, `$.attributes.${attr}.values["${value}"]`, value);
  }
  for (const r of doc.priceRules)
    add({ section: 'priceRules', id: r.id }, `$.priceRules["${r.id}"]`, r.label);
  for (const r of doc.rules) add({ section: 'rules', id: r.id }, `$.rules["${r.id}"]`, r.message);
  return rows;
}

/** The translation of one text, or undefined when it is missing. */
export function readText(texts: CatalogTexts | undefined, ref: TextRef): string | undefined {
  if (!texts) return undefined;
  switch (ref.section) {
    case 'catalog':
      return texts.catalog?.[ref.field];
    case 'groups':
    case 'priceRules':
    case 'rules':
      return texts[ref.section]?.[ref.id];
    case 'slots':
    case 'options':
      return texts[ref.section]?.[ref.id]?.[ref.field];
    case 'attributes':
      return texts.attributes?.[ref.id]?.[ref.field];
    case 'values':
      return texts.attributes?.[ref.id]?.values?.[ref.value];
  }
}

/** `record` with `key` set, or removed when `value` is undefined or empty (an empty text is a missing one). */
function put<T>(record: Record<string, T> | undefined, key: string, value: T | undefined) {
  const rest = Object.fromEntries(Object.entries(record ?? {}).filter(([k]) => k !== key));
  return value === undefined ? rest : { ...rest, [key]: value };
}

/**
 * Sets (or, with '' or undefined, removes) one translated text. Post: readText(result's language, ref) is the
 * value, or undefined for an empty one; every other text is unchanged.
 */
export function setText(
  doc: Catalog,
  language: TranslationLanguage,
  ref: TextRef,
  value: string | undefined,
) {
  const v = value === '' ? undefined : value;
  const t: CatalogTexts = doc.translations?.[language] ?? {};
  let next: CatalogTexts;
  switch (ref.section) {
    case 'catalog':
      next = { ...t, catalog: put(t.catalog, ref.field, v) };
      break;
    case 'groups':
    case 'priceRules':
    case 'rules':
      next = { ...t, [ref.section]: put(t[ref.section], ref.id, v) };
      break;
    case 'slots':
    case 'options':
      next = {
        ...t,
        [ref.section]: put(t[ref.section], ref.id, put(t[ref.section]?.[ref.id], ref.field, v)),
      };
      break;
    case 'attributes':
      next = { ...t, attributes: put(t.attributes, ref.id, { ...t.attributes?.[ref.id], [ref.field]: v }) };
      break;
    case 'values': {
      const attr = t.attributes?.[ref.id];
      next = {
        ...t,
        attributes: put(t.attributes, ref.id, { ...attr, values: put(attr?.values, ref.value, v) }),
      };
      break;
    }
  }
  return { ...doc, translations: { ...doc.translations, [language]: next } };
}

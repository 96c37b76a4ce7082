import type { AttributeValue, Catalog } from './schema.ts';
import {
  translationLanguages,
  type CatalogLanguage,
  type CatalogTexts,
  type TranslationLanguage,
} from './texts.schema.ts';

/**
 * A catalog's words in one language: every name, description, label, unit, value and rule message the shopper
 * reads, with English (the catalog file's own language) wherever a translation is missing. The one lookup every
 * surface and every rendered reason uses, so an option is never named two ways.
 */
export interface CatalogWords {
  readonly language: CatalogLanguage;
  catalogName(): string;
  catalogDescription(): string;
  group(id: string): string;
  slotName(id: string): string;
  slotDescription(id: string): string | undefined;
  optionName(id: string): string;
  optionDescription(id: string): string | undefined;
  attributeLabel(attr: string): string;
  attributeUnit(attr: string): string | undefined;
  /** "125 W", "ATX" (a number's value label), an enum value, "yes"/"no"; `format` renders bare numbers. */
  attributeValue(attr: string, value: AttributeValue, format?: (n: number) => string): string;
  priceRule(id: string): string;
  /** The rule's message as written (a template), or undefined when the catalog gives none. */
  ruleMessage(id: string): string | undefined;
}

const yesNo: Record<CatalogLanguage, [string, string]> = {
  en: ['yes', 'no'],
  de: ['ja', 'nein'],
  zh: ['是', '否'],
};

function translationOf(catalog: Catalog, language: CatalogLanguage): CatalogTexts {
  return language === 'en' ? {} : (catalog.translations?.[language] ?? {});
}

/** The catalog language for a UI language code ("de", "zh-CN"…): English for any the catalogs are not written in. */
export function catalogLanguage(code: string): CatalogLanguage {
  const base = code.slice(0, 2);
  return (translationLanguages as readonly string[]).includes(base) ? (base as TranslationLanguage) : 'en';
}

/** What names a catalog in a list: the full catalog, or its summary with the translations of its name. */
export interface TitledCatalog {
  name: string;
  description: string;
  translations?: Partial<Record<TranslationLanguage, Pick<CatalogTexts, 'catalog'> | undefined>>;
}

/** The catalog's name and description in `language`, each English where the translation lacks it. */
export function catalogTitle(catalog: TitledCatalog, language: CatalogLanguage) {
  const t = language === 'en' ? undefined : catalog.translations?.[language]?.catalog;
  return { name: t?.name ?? catalog.name, description: t?.description ?? catalog.description };
}

/**
 * Pre: `catalog` passed validateCatalog. Post: never throws; unknown ids come back as themselves; every method is a
 * plain function (safe to pass on alone, e.g. `ids.map(words.optionName)`).
 */
export function catalogWords(catalog: Catalog, language: CatalogLanguage): CatalogWords {
  const t = translationOf(catalog, language);
  const groups = new Map(catalog.groups.map((g) => [g.id, g.name]));
  const slots = new Map(catalog.slots.map((s) => [s.id, s]));
  const options = new Map(catalog.slots.flatMap((s) => s.options.map((o) => [o.id, o] as const)));
  const rules = new Map(catalog.rules.map((r) => [r.id, r.message]));
  const priceRules = new Map(catalog.priceRules.map((r) => [r.id, r.label]));
  const [yes, no] = yesNo[language];
  const attributeUnit = (attr: string) => {
    const def = catalog.attributes[attr];
    return def?.type === 'number' ? (t.attributes?.[attr]?.unit ?? def.unit) : undefined;
  };
  return {
    language,
    catalogName: () => catalogTitle(catalog, language).name,
    catalogDescription: () => catalogTitle(catalog, language).description,
    group: (id) => t.groups?.[id] ?? groups.get(id) ?? id,
    slotName: (id) => t.slots?.[id]?.name ?? slots.get(id)?.name ?? id,
    slotDescription: (id) => t.slots?.[id]?.description ?? slots.get(id)?.description,
    optionName: (id) => t.options?.[id]?.name ?? options.get(id)?.name ?? id,
    optionDescription: (id) => t.options?.[id]?.description ?? options.get(id)?.description,
    attributeLabel: (attr) => t.attributes?.[attr]?.label ?? catalog.attributes[attr]?.label ?? attr,
    attributeUnit,
    attributeValue(attr, value, format = String) {
      if (typeof value === 'boolean') return value ? yes : no;
      const def = catalog.attributes[attr];
      const key = String(value);
      const translated = t.attributes?.[attr]?.values?.[key];
      if (def?.type === 'enum') return translated ?? key;
      if (def?.type !== 'number' || typeof value !== 'number') return key;
      const named = translated ?? def.valueLabels?.[key];
      if (named) return named;
      const unit = attributeUnit(attr);
      return unit ? `${format(value)} ${unit}` : format(value);
    },
    priceRule: (id) => t.priceRules?.[id] ?? priceRules.get(id) ?? id,
    ruleMessage: (id) => t.rules?.[id] ?? rules.get(id),
  };
}

/** A text the catalog has in English and lacks in a language, as a JSON path into that language's texts. */
export interface MissingText {
  language: TranslationLanguage;
  path: string;
  english: string;
}

/** Every English text of the catalog without a translation, per language (what a translator still has to do). */
export function missingTexts(catalog: Catalog): MissingText[] {
  const missing: MissingText[] = [];
  for (const language of translationLanguages) {
    const t = translationOf(catalog, language);
    const need = (path: string, english: string | undefined, have: string | undefined) => {
      if (english !== undefined && have === undefined) missing.push({ language, path, english });
    };
    need('$.catalog.name', catalog.name, t.catalog?.name);
    need('$.catalog.description', catalog.description, t.catalog?.description);
    for (const g of catalog.groups) need(`$.groups["${g.id}"]`, g.name, t.groups?.[g.id]);
    for (const s of catalog.slots) {
      need(`$.slots["${s.id}"].name`, s.name, t.slots?.[s.id]?.name);
      need(`$.slots["${s.id}"].description`, s.description, t.slots?.[s.id]?.description);
      for (const o of s.options) {
        need(`$.options["${o.id}"].name`, o.name, t.options?.[o.id]?.name);
        need(`$.options["${o.id}"].description`, o.description, t.options?.[o.id]?.description);
      }
    }
    for (const [attr, def] of Object.entries(catalog.attributes)) {
      const have = t.attributes?.[attr];
      need(`$.attributes.${attr}.label`, def.label, have?.label);
      // A unit or an enum value may well stay as it is ("W", "AM5"), but only a translator can say so: the
      // texts file repeats it, so that nothing a shopper reads is left English by oversight.
      if (def.type === 'number') {
        need(`$.attributes.${attr}.unit`, def.unit, have?.unit);
        for (const [key, label] of Object.entries(def.valueLabels ?? {}))
          need(`$.attributes.${attr}.values["${key}"]`, label, have?.values?.[key]);
      }
      if (def.type === 'enum')
        for (const value of def.values)
          need(`$.attributes.${attr}.values["${value}"]`, value, have?.values?.[value]);
    }
    for (const r of catalog.priceRules) need(`$.priceRules["${r.id}"]`, r.label, t.priceRules?.[r.id]);
    for (const r of catalog.rules) need(`$.rules["${r.id}"]`, r.message, t.rules?.[r.id]);
  }
  return missing;
}

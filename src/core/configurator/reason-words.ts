import type { AttributeValue, Catalog, Comparison } from '../catalog/schema.ts';
import type { CatalogWords } from '../catalog/texts.ts';

/**
 * The vocabulary a rendered reason is made of: the catalog's words (names, labels, values with units) and the
 * interface's sentences for what catalogs do not write (generated rule statements, lists, comparisons), which live
 * with the other interface texts under `reason.<key>`.
 */

/** Every interface sentence a reason may use; the i18n resources hold one per key and language. */
export const REASON_KEYS = [
  'conflicts',
  'neverOffered',
  'compatible',
  'compatibleOpen',
  'compatibleRule',
  'attrOf',
  'requires',
  'excludes',
  'conditionAttr',
  'conditionFlag',
  'conditionNoFlag',
  'conditionEmpty',
  'conditionChosen',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'resourceAtLeast',
  'resourceAtMost',
  'resourceRule',
  'resourceSoFar',
  'limitShare',
  'limitOf',
  'limitOpen',
  'limitSlotShare',
  'part',
  'partTimes',
  'times',
  'restOnly',
  'restAtLeast',
  'restAtMost',
  'package',
  'slotTotal',
  'noneFits',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

/** An interface sentence with its values filled in (i18next's `t` under `reason.`). */
export type Say = (key: ReasonKey, values?: Record<string, string>) => string;

const OP_KEY: Record<Comparison, ReasonKey> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};
const FLIPPED: Record<Comparison, Comparison> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

export function flip(op: Comparison): Comparison {
  return FLIPPED[op];
}

/** The words of one reason, in one language. */
export class ReasonWords {
  private readonly lists: { and: Intl.ListFormat; or: Intl.ListFormat };
  private readonly percent: Intl.NumberFormat;
  /** Option id → its name, with its slot where another option has the same name (a second and third drive). */
  private readonly names = new Map<string, string>();

  /** Pre: `words` are `catalog`'s. */
  constructor(
    catalog: Catalog,
    readonly words: CatalogWords,
    readonly say: Say,
    readonly number: (n: number) => string = String,
  ) {
    const locale = words.language;
    const options = catalog.slots.flatMap((s) => s.options.map((o) => ({ slot: s.id, id: o.id })));
    const count = new Map<string, number>();
    for (const o of options) {
      const name = words.optionName(o.id);
      count.set(name, (count.get(name) ?? 0) + 1);
    }
    for (const o of options) {
      const name = words.optionName(o.id);
      this.names.set(o.id, (count.get(name) ?? 0) > 1 ? `${name} (${words.slotName(o.slot)})` : name);
    }
    this.lists = {
      and: new Intl.ListFormat(locale, { type: 'conjunction' }),
      or: new Intl.ListFormat(locale, { type: 'disjunction' }),
    };
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  }

  /** A slot name or attribute label inside a sentence (English lowers "Graphics card", keeps "CPU cooler"). */
  inner(text: string): string {
    if (this.words.language !== 'en' || !/^\p{Lu}\p{Ll}/u.test(text)) return text;
    return text[0]?.toLowerCase() + text.slice(1);
  }

  /** A sentence's first letter in capitals, where the language has them. */
  capital(text: string): string {
    return this.words.language === 'zh' ? text : (text[0]?.toUpperCase() ?? '') + text.slice(1);
  }

  /** "A, B and C"; `distinct` drops repeats (values, never options: two drives may be the same model). */
  and(items: readonly string[], distinct = false): string {
    return this.lists.and.format(distinct ? [...new Set(items)] : items);
  }

  or(items: readonly string[]): string {
    return this.lists.or.format([...new Set(items)]);
  }

  option(id: string): string {
    return this.names.get(id) ?? this.words.optionName(id);
  }

  slot(id: string): string {
    return this.inner(this.words.slotName(id));
  }

  attr(attr: string): string {
    return this.inner(this.words.attributeLabel(attr));
  }

  /** An option's attribute value: "348 mm", "Mini-ITX", "DDR4", "yes". */
  value(attr: string, value: AttributeValue): string {
    return this.words.attributeValue(attr, value, this.number);
  }

  /** A figure of a sum in an attribute's unit, never a value label ("4", "615 W"). */
  amount(attr: string, n: number): string {
    const unit = this.words.attributeUnit(attr);
    return unit ? `${this.number(n)} ${unit}` : this.number(n);
  }

  factor(f: number): string {
    return this.percent.format(f);
  }

  /** "at most 322 mm", "other than DDR5": a comparison with `value` on its right. */
  compare(op: Comparison, value: string): string {
    return this.say(OP_KEY[op], { value });
  }
}

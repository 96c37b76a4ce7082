import type { AttrRef, Comparison, Condition, Rule } from './schema.ts';
import type { CatalogWords } from './texts.ts';

/**
 * A rule read as one sentence for the catalog editor ("CPU socket must equal motherboard CPU socket", "Total power
 * draw of CPU and graphics card ≤ 0.8 × PSU rated output"). Every sentence is an interface template with placeholders
 * (the languages order their words differently), filled with the catalog's words; never the rule's own message,
 * which speaks to shoppers about one build.
 */

/** Every template a sentence uses; the i18n resources hold one per key and language under `catalogRules.sentence`. */
export const SENTENCE_KEYS = [
  'compatibleEq',
  'compatibleNe',
  'compatibleLt',
  'compatibleLe',
  'compatibleGt',
  'compatibleGe',
  'resource',
  'sumOne',
  'sumMixed',
  'limitFactor',
  'requires',
  'excludes',
  'subject',
  'condOption',
  'condAttr',
  'condFlag',
  'condNoFlag',
  'condEmpty',
  'condChosen',
  'mustOption',
  'mustAttr',
  'mustFlag',
  'mustNoFlag',
  'mustEmpty',
  'mustChosen',
  'reqEq',
  'reqNe',
  'reqLt',
  'reqLe',
  'reqGt',
  'reqGe',
] as const;
export type SentenceKey = (typeof SENTENCE_KEYS)[number];
export type SentenceSay = (key: SentenceKey, values: Record<string, string>) => string;

/** Comparisons as the symbols every language reads. */
export const OP_SYMBOL: Record<Comparison, string> = {
  '==': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

const OP_NAME: Record<Comparison, 'Eq' | 'Ne' | 'Lt' | 'Le' | 'Gt' | 'Ge'> = {
  '==': 'Eq',
  '!=': 'Ne',
  '<': 'Lt',
  '<=': 'Le',
  '>': 'Gt',
  '>=': 'Ge',
};

export interface SentenceWords {
  words: CatalogWords;
  say: SentenceSay;
  /** Bare numbers in the reader's locale (factors, constants). */
  number?: (n: number) => string;
}

function lists(language: string) {
  return {
    and: new Intl.ListFormat(language, { type: 'conjunction' }),
    or: new Intl.ListFormat(language, { type: 'disjunction' }),
  };
}

/**
 * Pre: none (a rule being edited may name slots, options or attributes the catalog lacks; they read as their ids).
 * Post: a non-empty sentence naming every slot the rule concerns; never throws.
 */
export function ruleSentence(w: SentenceWords, rule: Rule): string {
  const { words, say } = w;
  const number = w.number ?? String;
  const list = lists(words.language);
  // "CPU socket" rather than "CPU CPU socket": an attribute label may already open with its slot's name.
  const subject = ({ slot, attr }: AttrRef) => {
    const slotName = words.slotName(slot);
    const label = words.attributeLabel(attr);
    return label.toLowerCase().startsWith(slotName.toLowerCase())
      ? label
      : say('subject', { slot: slotName, attr: label });
  };
  const value = (c: Extract<Condition, { attr: string }>) => words.attributeValue(c.attr, c.value, number);
  const amount = (attr: string, n: number) => {
    const unit = words.attributeUnit(attr);
    return unit ? `${number(n)} ${unit}` : number(n);
  };

  const condition = (c: Condition, must: boolean): string => {
    const slot = words.slotName(c.slot);
    const mood = must ? 'must' : 'cond';
    if ('option' in c) return say(`${mood}Option`, { slot, option: words.optionName(c.option) });
    if ('anyOf' in c)
      return say(`${mood}Option`, { slot, option: list.or.format(c.anyOf.map(words.optionName)) });
    if ('empty' in c) return say(c.empty ? `${mood}Empty` : `${mood}Chosen`, { slot });
    if (typeof c.value === 'boolean' && (c.op === '==' || c.op === '!=')) {
      const flag = c.value === (c.op === '==');
      return say(`${mood}${flag ? 'Flag' : 'NoFlag'}`, { slot, attr: words.attributeLabel(c.attr) });
    }
    const subj = subject(c);
    if (!must) return say('condAttr', { subject: subj, op: OP_SYMBOL[c.op], value: value(c) });
    return say('mustAttr', { subject: subj, requirement: say(`req${OP_NAME[c.op]}`, { value: value(c) }) });
  };

  switch (rule.kind) {
    case 'compatible':
      return say(`compatible${OP_NAME[rule.op]}`, { left: subject(rule.left), right: subject(rule.right) });
    case 'requires':
      return say('requires', {
        when: list.and.format(rule.when.map((c) => condition(c, false))),
        then: condition(rule.then, true),
      });
    case 'excludes':
      return say('excludes', { all: list.and.format(rule.all.map((c) => condition(c, false))) });
    case 'resource': {
      const attrs = [...new Set(rule.sum.map((r) => r.attr))];
      const [only] = attrs;
      const sum =
        attrs.length === 1 && only !== undefined
          ? say('sumOne', {
              attr: words.attributeLabel(only),
              slots: list.and.format([...new Set(rule.sum.map((r) => words.slotName(r.slot)))]),
            })
          : say('sumMixed', { items: list.and.format(rule.sum.map(subject)) });
      const limit =
        typeof rule.limit === 'number'
          ? amount(rule.sum[0]?.attr ?? '', rule.limit)
          : rule.limit.factor === 1
            ? subject(rule.limit)
            : say('limitFactor', { factor: number(rule.limit.factor), subject: subject(rule.limit) });
      return say('resource', { sum, op: OP_SYMBOL[rule.op], limit });
    }
  }
}

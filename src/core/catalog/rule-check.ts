import type { AttributeDef, AttributeValue, AttrRef, Catalog, Condition, Rule, Slot } from './schema.ts';
import { templateProblem } from './template.ts';

/**
 * What is wrong with one rule of a catalog being edited, field by field, as codes the editor words in each language.
 * The same judgement validateCatalog makes on the rule (its property test holds them together), given before saving
 * and next to the field at fault.
 */

export type RuleProblemCode =
  | 'idFormat'
  | 'idTaken'
  | 'unknownSlot'
  | 'unknownOption'
  | 'noOptions'
  | 'unknownAttr'
  | 'valueType'
  | 'valueNotListed'
  | 'opNeedsNumber'
  | 'emptySingle'
  | 'attrTypes'
  | 'sameSlot'
  | 'notNumber'
  | 'factor'
  | 'tooFew'
  | 'template'
  | 'translatedTemplate'
  | 'idHasTexts';

export interface RuleProblem {
  /** Where in the rule, e.g. `left.attr`, `when.0.value`, `message`. */
  path: string;
  code: RuleProblemCode;
  values: Record<string, string>;
}

export const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;

/** Whether a value has the attribute's type (and is one of an enum's values). */
export function valueProblem(def: AttributeDef, value: AttributeValue): RuleProblemCode | undefined {
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'valueType';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'valueType';
    case 'enum':
      if (typeof value !== 'string') return 'valueType';
      return def.values.includes(value) ? undefined : 'valueNotListed';
  }
}

/**
 * Pre: `catalog` is the draft around the rule; `at` is the rule's position in `catalog.rules` (its id may repeat
 * there only at `at`), or -1 for a rule not in the list yet. Post: empty exactly when validateCatalog would accept
 * the catalog with this rule at `at`, the other rules, slots and texts being valid.
 */
export function ruleProblems(catalog: Catalog, rule: Rule, at = -1): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const report = (path: string, code: RuleProblemCode, values: Record<string, string> = {}) =>
    problems.push({ path, code, values });
  const slots = new Map(catalog.slots.map((s) => [s.id, s]));

  if (rule.id.length === 0 || rule.id.length > 80 || !RULE_ID.test(rule.id)) report('id', 'idFormat');
  else if (catalog.rules.some((r, i) => i !== at && r.id === rule.id)) report('id', 'idTaken');
  // Translated messages are keyed by rule id: renaming the rule would leave them naming no rule.
  const before = catalog.rules[at]?.id;
  if (before !== undefined && before !== rule.id)
    for (const [language, texts] of Object.entries(catalog.translations ?? {}))
      if (texts?.rules?.[before] !== undefined) report('id', 'idHasTexts', { language, id: before });

  const slotAt = (id: string, path: string): Slot | undefined => {
    const slot = slots.get(id);
    if (!slot) report(path, 'unknownSlot', { slot: id });
    return slot;
  };
  const attrAt = (attr: string, path: string): AttributeDef | undefined => {
    const def = catalog.attributes[attr];
    if (!def) report(path, 'unknownAttr', { attr });
    return def;
  };
  const attrRef = (ref: AttrRef, path: string) => {
    slotAt(ref.slot, `${path}.slot`);
    return attrAt(ref.attr, `${path}.attr`);
  };
  const condition = (c: Condition, path: string) => {
    const slot = slotAt(c.slot, `${path}.slot`);
    const optionAt = (option: string, p: string) => {
      if (slot && !slot.options.some((o) => o.id === option)) report(p, 'unknownOption', { option });
    };
    if ('option' in c) optionAt(c.option, `${path}.option`);
    else if ('anyOf' in c) {
      if (c.anyOf.length === 0) report(`${path}.anyOf`, 'noOptions');
      c.anyOf.forEach((o, i) => optionAt(o, `${path}.anyOf.${i}`));
    } else if ('empty' in c) {
      if (slot?.kind === 'single') report(`${path}.empty`, 'emptySingle', { slot: slot.name });
    } else {
      const def = attrAt(c.attr, `${path}.attr`);
      if (!def) return;
      const wrong = valueProblem(def, c.value);
      if (wrong) report(`${path}.value`, wrong, { attr: def.label });
      if (def.type !== 'number' && c.op !== '==' && c.op !== '!=')
        report(`${path}.op`, 'opNeedsNumber', { attr: def.label });
    }
  };

  switch (rule.kind) {
    case 'requires':
      if (rule.when.length === 0) report('when', 'tooFew', { min: '1' });
      rule.when.forEach((c, i) => condition(c, `when.${i}`));
      condition(rule.then, 'then');
      break;
    case 'excludes':
      if (rule.all.length < 2) report('all', 'tooFew', { min: '2' });
      rule.all.forEach((c, i) => condition(c, `all.${i}`));
      break;
    case 'compatible': {
      const left = attrRef(rule.left, 'left');
      const right = attrRef(rule.right, 'right');
      if (left && right && left.type !== right.type)
        report('right.attr', 'attrTypes', { left: left.type, right: right.type });
      if (left && left.type !== 'number' && rule.op !== '==' && rule.op !== '!=')
        report('op', 'opNeedsNumber', { attr: left.label });
      if (rule.left.slot === rule.right.slot) report('right.slot', 'sameSlot');
      break;
    }
    case 'resource': {
      if (rule.sum.length === 0) report('sum', 'tooFew', { min: '1' });
      rule.sum.forEach((ref, i) => {
        const def = attrRef(ref, `sum.${i}`);
        if (def && def.type !== 'number') report(`sum.${i}.attr`, 'notNumber', { attr: def.label });
      });
      if (typeof rule.limit === 'number') {
        if (!Number.isFinite(rule.limit)) report('limit', 'valueType', { attr: '' });
      } else {
        const def = attrRef(rule.limit, 'limit');
        if (def && def.type !== 'number') report('limit.attr', 'notNumber', { attr: def.label });
        if (!(rule.limit.factor > 0) || !Number.isFinite(rule.limit.factor)) report('limit.factor', 'factor');
      }
      break;
    }
  }

  // A message may only name what the rule concerns: editing the rule can break its message, or a translation's.
  const own = rule.message === undefined ? undefined : templateProblem(rule, rule.message);
  if (own) report('message', 'template', { detail: own });
  for (const [language, texts] of Object.entries(catalog.translations ?? {})) {
    const template = texts?.rules?.[rule.id];
    const wrong = template === undefined ? undefined : templateProblem(rule, template);
    if (wrong) report('message', 'translatedTemplate', { language, detail: wrong });
  }
  return problems;
}

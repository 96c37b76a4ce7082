import type { Rule } from '../catalog/schema.ts';
import type { ReasonWords } from './reason-words.ts';
import type { ResourceFigures, ResourcePart } from './resource-figures.ts';

/**
 * A resource rule in words: its figures when they show the refusal ("… come to at least 615 W, but the total must
 * be at most 600 W (80 % of the 750 W of …)"), else the rule stated with what the fixed options already add.
 */

/** A summed option's share: with its amount when the attribute has a unit (a bare count says little alone). */
function part(w: ReasonWords, attr: string, p: ResourcePart): string {
  const name = w.option(p.option);
  const quantity = w.number(p.quantity);
  if (!w.words.attributeUnit(attr)) return p.quantity === 1 ? name : w.say('times', { name, quantity });
  return p.quantity === 1
    ? w.say('part', { name, value: w.amount(attr, p.value) })
    : w.say('partTimes', { name, value: w.amount(attr, p.each), quantity });
}

export function parts(w: ReasonWords, f: ResourceFigures): string {
  const items = f.parts.map((p) => part(w, f.attr, p));
  if (f.rest !== 0)
    items.push(
      w.say(f.direction === 'min' ? 'restAtLeast' : 'restAtMost', { value: w.amount(f.attr, f.rest) }),
    );
  return w.and(items);
}

/** The limit in force with where it comes from: "600 W (80 % of the 750 W of Corsair RM750e)". */
function limit(w: ReasonWords, rule: Extract<Rule, { kind: 'resource' }>, f: ResourceFigures): string {
  const amount = w.amount(f.attr, f.limit);
  if (typeof rule.limit === 'number') return amount;
  const source = f.limitOption
    ? w.say(f.factor === undefined || f.factor === 1 ? 'limitOf' : 'limitShare', {
        factor: w.factor(f.factor ?? 1),
        option: w.option(f.limitOption.option),
        value: w.amount(rule.limit.attr, f.limitOption.value),
      })
    : w.say('limitOpen', { slot: w.slot(rule.limit.slot) });
  return `${amount} (${source})`;
}

/** A resource rule's sentence (never its catalog message). */
export function resourceStatement(
  w: ReasonWords,
  rule: Extract<Rule, { kind: 'resource' }>,
  f: ResourceFigures | undefined,
): string {
  if (f?.decisive)
    return w.say(f.direction === 'min' ? 'resourceAtLeast' : 'resourceAtMost', {
      parts: f.parts.length > 0 ? parts(w, f) : w.say('restOnly'),
      total: w.amount(f.attr, f.total),
      requirement: w.compare(rule.op, limit(w, rule, f)),
    });
  const attr = rule.sum[0]?.attr ?? '';
  const bound =
    typeof rule.limit === 'number'
      ? w.amount(attr, rule.limit)
      : f?.limitOption
        ? limit(w, rule, f)
        : w.say(rule.limit.factor === 1 ? 'attrOf' : 'limitSlotShare', {
            factor: w.factor(rule.limit.factor),
            slot: w.slot(rule.limit.slot),
            attr: w.attr(rule.limit.attr),
          });
  const statement = w.say('resourceRule', { attr: w.attr(attr), requirement: w.compare(rule.op, bound) });
  const sum = f?.parts.reduce((t, p) => t + p.value, 0) ?? 0;
  if (!f || f.parts.length === 0) return statement;
  const shares = w.and(f.parts.map((p) => part(w, f.attr, p)));
  return `${statement} ${w.say('resourceSoFar', { parts: shares, sum: w.amount(f.attr, sum) })}`;
}

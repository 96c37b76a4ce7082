import type { Catalog, Comparison, Condition, Option, Rule } from '../catalog/schema.ts';
import { parseTemplate, type TemplatePart } from '../catalog/template.ts';
import type { BoundOption, Explanation, ReasonRule } from './explanation.ts';
import type { ResourceFigures } from './resource-figures.ts';
import { parts, resourceStatement } from './render-resource.ts';
import { compare } from '../catalog/evaluate.ts';
import { flip, type ReasonWords } from './reason-words.ts';

/**
 * An explanation in the shopper's language: the choices involved, then one sentence per rule in chain order.
 * A rule that the explanation's options break outright, alone, speaks in its catalog message (a template filled in
 * for this build); otherwise each rule is stated for the options at hand ("The Crucial … needs a motherboard with
 * memory type DDR4."), and a closing sentence names the slots no option of which meets them all.
 * Every option named is one of the build's, the refused one, or one a rule names; every number is an attribute
 * value of those options, a rule's constant, or a figure of resource-figures.ts.
 */
export interface RenderedReason {
  /** "Conflicts with …", or that no complete build has it. */
  lead: string;
  steps: string[];
}

type Options = ReadonlyMap<string, Option>;

function optionsOf(catalog: Catalog): Options {
  return new Map(catalog.slots.flatMap((s) => s.options.map((o) => [o.id, o] as const)));
}

/** Bound options of a rule that meet a condition. */
function meeting(options: Options, bound: readonly BoundOption[], c: Condition): BoundOption[] {
  return bound.filter((b) => {
    if (b.slot !== c.slot) return false;
    if ('option' in c) return b.option === c.option;
    if ('anyOf' in c) return c.anyOf.includes(b.option);
    if ('empty' in c) return !c.empty;
    const v = options.get(b.option)?.attributes[c.attr];
    return v !== undefined && compare(v, c.op, c.value);
  });
}

/** A condition in words: the options of the build that meet it, or what it asks for. */
function condition(
  w: ReasonWords,
  options: Options,
  bound: readonly BoundOption[],
  c: Condition,
  first: boolean,
): string {
  const met = meeting(options, bound, c);
  if (met.length > 0) return w.and(met.map((b) => w.option(b.option)));
  // A phrase opening the sentence starts with a capital; a name keeps its own spelling ("be quiet!").
  return first ? w.capital(asked(w, c)) : asked(w, c);
}

/** What a condition asks for ("a processor with integrated graphics"), a name where it names an option. */
function asked(w: ReasonWords, c: Condition): string {
  const slot = w.slot(c.slot);
  if ('option' in c) return w.option(c.option);
  if ('anyOf' in c) return w.or(c.anyOf.map((o) => w.option(o)));
  if ('empty' in c) return w.say(c.empty ? 'conditionEmpty' : 'conditionChosen', { slot });
  if (typeof c.value === 'boolean' && (c.op === '==' || c.op === '!=')) {
    const flag = c.value === (c.op === '==');
    return w.say(flag ? 'conditionFlag' : 'conditionNoFlag', { slot, attr: w.attr(c.attr) });
  }
  return w.say('conditionAttr', {
    slot,
    attr: w.attr(c.attr),
    requirement: w.compare(c.op, w.value(c.attr, c.value)),
  });
}

/** Whether a condition holds for every completion of the bound options (true), for none (false), or is open. */
function decided(options: Options, rule: ReasonRule, c: Condition, catalog: Catalog): boolean | undefined {
  if (meeting(options, rule.options, c).length > 0) return true;
  const kind = catalog.slots.find((s) => s.id === c.slot)?.kind;
  const filled = rule.options.some((b) => b.slot === c.slot);
  return kind !== 'multi' && filled ? false : undefined;
}

/** The pair of bound options breaking a compatible rule, if the explanation holds one. */
function brokenPair(
  options: Options,
  rule: Extract<Rule, { kind: 'compatible' }>,
  bound: readonly BoundOption[],
): [BoundOption, BoundOption] | undefined {
  for (const l of bound.filter((b) => b.slot === rule.left.slot))
    for (const r of bound.filter((b) => b.slot === rule.right.slot)) {
      const a = options.get(l.option)?.attributes[rule.left.attr];
      const b = options.get(r.option)?.attributes[rule.right.attr];
      if (a !== undefined && b !== undefined && !compare(a, rule.op, b)) return [l, r];
    }
  return undefined;
}

/** Whether the rule, alone, is broken by the explanation's options (so its catalog message is true as written). */
function brokenOutright(options: Options, catalog: Catalog, rule: Rule, reason: ReasonRule): boolean {
  switch (rule.kind) {
    case 'compatible':
      return brokenPair(options, rule, reason.options) !== undefined;
    case 'requires':
      return (
        rule.when.every((c) => decided(options, reason, c, catalog) === true) &&
        decided(options, reason, rule.then, catalog) === false
      );
    case 'excludes':
      return rule.all.every((c) => decided(options, reason, c, catalog) === true);
    case 'resource':
      return reason.figures?.decisive === true;
  }
}

/** A catalog message filled in for the bound options; undefined when a placeholder has nothing to show. */
function fill(
  w: ReasonWords,
  options: Options,
  rule: Rule,
  template: readonly TemplatePart[],
  bound: readonly BoundOption[],
  figures: ResourceFigures | undefined,
): string | undefined {
  let out = '';
  for (const p of template) {
    if ('text' in p) out += p.text;
    else if ('figure' in p) {
      if (!figures?.decisive || rule.kind !== 'resource') return undefined;
      const f = figures;
      const text = {
        parts: () => parts(w, f),
        rest: () => w.amount(f.attr, f.rest),
        total: () => w.amount(f.attr, f.total),
        limit: () => w.amount(f.attr, f.limit),
        factor: () => w.factor(f.factor ?? 1),
      }[p.figure]();
      out += text;
    } else {
      const here = bound.filter((b) => b.slot === p.slot);
      if (here.length === 0) return undefined;
      if (!('attr' in p)) out += w.and(here.map((b) => w.option(b.option)));
      else {
        const values = here.flatMap((b) => {
          const v = options.get(b.option)?.attributes[p.attr];
          return v === undefined ? [] : [w.value(p.attr, v)];
        });
        if (values.length === 0) return undefined;
        out += w.and(values, true);
      }
    }
  }
  return out;
}

/**
 * The options a template speaks of: for a compatible rule, the pair that breaks it; for requires and excludes, the
 * options meeting each condition (a multi slot's other options are not the rule's business) and the options failing
 * a requirement.
 */
function templateBindings(options: Options, rule: Rule, reason: ReasonRule): BoundOption[] {
  return [...new Set(bindings(options, rule, reason))];
}

function bindings(options: Options, rule: Rule, reason: ReasonRule): BoundOption[] {
  switch (rule.kind) {
    case 'compatible': {
      const pair = brokenPair(options, rule, reason.options);
      return pair ? [...pair] : reason.options;
    }
    case 'requires':
      return [
        ...rule.when.flatMap((c) => meeting(options, reason.options, c)),
        ...reason.options.filter((b) => b.slot === rule.then.slot),
      ];
    case 'excludes':
      return rule.all.flatMap((c) => meeting(options, reason.options, c));
    case 'resource':
      return reason.options;
  }
}

function compatibleStatement(
  w: ReasonWords,
  options: Options,
  rule: Extract<Rule, { kind: 'compatible' }>,
  bound: readonly BoundOption[],
): string {
  const value = (b: BoundOption, attr: string) => {
    const v = options.get(b.option)?.attributes[attr];
    return v === undefined ? undefined : w.value(attr, v);
  };
  const pair = brokenPair(options, rule, bound);
  if (pair) {
    const [l, r] = pair;
    return w.say('compatible', {
      left: w.option(l.option),
      leftAttr: w.attr(rule.left.attr),
      leftValue: value(l, rule.left.attr) ?? '',
      right: w.option(r.option),
      requirement: w.compare(rule.op, value(r, rule.right.attr) ?? ''),
    });
  }
  // One side's options ask something of the other side: left op right, read from whichever side is bound.
  const sides: [typeof rule.left, typeof rule.right, Comparison][] = [
    [rule.right, rule.left, rule.op],
    [rule.left, rule.right, flip(rule.op)],
  ];
  for (const [given, asked, op] of sides) {
    const here = bound.filter((b) => b.slot === given.slot && value(b, given.attr) !== undefined);
    if (here.length === 0) continue;
    return w.say('compatibleOpen', {
      bound: w.and(here.map((b) => w.option(b.option))),
      slot: w.slot(asked.slot),
      attr: w.attr(asked.attr),
      requirement: w.compare(
        op,
        w.and(
          here.map((b) => value(b, given.attr) ?? ''),
          true,
        ),
      ),
    });
  }
  return w.say('compatibleRule', {
    leftSlot: w.slot(rule.left.slot),
    leftAttr: w.attr(rule.left.attr),
    requirement: w.compare(
      rule.op,
      w.say('attrOf', { slot: w.slot(rule.right.slot), attr: w.attr(rule.right.attr) }),
    ),
  });
}

/** One rule stated for the explanation's options (never its catalog message). */
function statement(w: ReasonWords, catalog: Catalog, options: Options, reason: ReasonRule): string {
  if (reason.kind === 'slot') {
    const slot = catalog.slots.find((s) => `slot:${s.id}` === reason.id);
    const total = slot?.quantity ?? { min: 0, max: 0 };
    return w.say('slotTotal', {
      slot: w.slot(slot?.id ?? ''),
      min: w.number(total.min),
      max: w.number(total.max),
    });
  }
  if (reason.kind === 'package') {
    const pkg = catalog.packages.find((p) => `package:${p.id}` === reason.id);
    return w.say('package', {
      package: w.option(pkg?.option.option ?? ''),
      options: w.and((pkg?.includes ?? []).map((i) => w.option(i.option))),
    });
  }
  const rule = catalog.rules.find((r) => r.id === reason.id);
  if (!rule) return reason.id;
  switch (rule.kind) {
    case 'compatible':
      return compatibleStatement(w, options, rule, reason.options);
    case 'requires':
      return w.say('requires', {
        when: w.and(rule.when.map((c, i) => condition(w, options, reason.options, c, i === 0))),
        then: asked(w, rule.then),
      });
    case 'excludes':
      return w.say('excludes', {
        all: w.and(rule.all.map((c, i) => condition(w, options, reason.options, c, i === 0))),
      });
    case 'resource':
      return resourceStatement(w, rule, reason.figures);
  }
}

/**
 * Pre: `explanation` came from a Configurator over `catalog`. Post: sentences in `w`'s language; pure.
 */
export function renderReason(w: ReasonWords, catalog: Catalog, explanation: Explanation): RenderedReason {
  const options = optionsOf(catalog);
  const lead =
    explanation.choices.length > 0
      ? w.say('conflicts', { names: w.and(explanation.choices.map((c) => w.option(c.option))) })
      : w.say('neverOffered');
  const [only] = explanation.rules;
  if (explanation.rules.length === 1 && only) {
    const rule = catalog.rules.find((r) => r.id === only.id);
    const message = rule && w.words.ruleMessage(rule.id);
    if (rule && message && brokenOutright(options, catalog, rule, only)) {
      const text = fill(
        w,
        options,
        rule,
        parseTemplate(message, rule),
        templateBindings(options, rule, only),
        only.figures,
      );
      if (text !== undefined) return { lead, steps: [text] };
    }
  }
  const steps = explanation.rules.map((r) => statement(w, catalog, options, r));
  // Slots the statements leave open: a resource rule's summed slots only add to what it states, its limit counts.
  const open = new Set(
    explanation.rules.flatMap((r) => {
      const rule = catalog.rules.find((c) => c.id === r.id);
      if (r.figures?.decisive || (rule && brokenOutright(options, catalog, rule, r))) return [];
      if (rule?.kind === 'resource') {
        const { limit } = rule;
        return typeof limit === 'number' ? [] : r.open.filter((s) => s === limit.slot);
      }
      return r.open;
    }),
  );
  if (open.size > 0) steps.push(w.say('noneFits', { slots: w.or([...open].map((s) => w.slot(s))) }));
  return { lead, steps };
}

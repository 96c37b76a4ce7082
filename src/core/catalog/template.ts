import type { Condition, Rule } from './schema.ts';

/**
 * Rule messages are templates over the options the rule concerns, filled in for the build at hand:
 *
 * - `{gpu}`: the name of the option in slot `gpu` (several: a list);
 * - `{gpu.gpuLength}`: its attribute value, with the unit or the value's label ("348 mm", "Mini-ITX");
 * - resource rules also `{#parts}` (each summed option with its share), `{#rest}` (the least — for `>=`, the most —
 *   the rest of the build adds), `{#total}` (their sum), `{#limit}` (the constant, or factor × the limit option's
 *   attribute) and `{#factor}` ("80 %").
 *
 * A placeholder may name only a slot the rule concerns and, after the dot, an attribute the rule reads in that slot;
 * anything else is a catalog error at load, so a message can never speak of a part the rule does not.
 */

export const FIGURES = ['parts', 'rest', 'total', 'limit', 'factor'] as const;
export type Figure = (typeof FIGURES)[number];

export type TemplatePart =
  { text: string } | { slot: string } | { slot: string; attr: string } | { figure: Figure };

/** The slots a rule concerns and the attributes it reads in each. */
export interface RuleConcerns {
  slots: ReadonlySet<string>;
  attrs: ReadonlyMap<string, ReadonlySet<string>>;
}

export function ruleConcerns(rule: Rule): RuleConcerns {
  const attrs = new Map<string, Set<string>>();
  const slots = new Set<string>();
  const add = (slot: string, attr?: string) => {
    slots.add(slot);
    const set = attrs.get(slot) ?? new Set<string>();
    if (attr !== undefined) set.add(attr);
    attrs.set(slot, set);
  };
  const condition = (c: Condition) => add(c.slot, 'attr' in c ? c.attr : undefined);
  switch (rule.kind) {
    case 'requires':
      rule.when.forEach(condition);
      condition(rule.then);
      break;
    case 'excludes':
      rule.all.forEach(condition);
      break;
    case 'compatible':
      add(rule.left.slot, rule.left.attr);
      add(rule.right.slot, rule.right.attr);
      break;
    case 'resource':
      rule.sum.forEach((ref) => add(ref.slot, ref.attr));
      if (typeof rule.limit !== 'number') add(rule.limit.slot, rule.limit.attr);
      break;
  }
  return { slots, attrs };
}

/** Thrown for a template that cannot be read; `at` is the character offset. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const ATTR = /^[a-zA-Z][a-zA-Z0-9]*$/;

/**
 * Reads a template against its rule.
 * @throws TemplateError for an unclosed or empty brace, a stray `}`, or a placeholder naming a slot, attribute or
 * figure the rule does not concern.
 */
export function parseTemplate(template: string, rule: Rule): TemplatePart[] {
  const { slots, attrs } = ruleConcerns(rule);
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i] as string;
    if (ch === '}') throw new TemplateError('"}" without "{"', i);
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const end = template.indexOf('}', i + 1);
    if (end < 0) throw new TemplateError('"{" is never closed', i);
    const name = template.slice(i + 1, end);
    if (name.includes('{')) throw new TemplateError('"{" inside a placeholder', i);
    if (text) parts.push({ text });
    text = '';
    parts.push(placeholder(name, i));
    i = end + 1;
  }
  if (text) parts.push({ text });
  return parts;

  function placeholder(name: string, at: number): TemplatePart {
    if (name === '') throw new TemplateError('empty placeholder "{}"', at);
    if (name.startsWith('#')) {
      const figure = FIGURES.find((f) => `#${f}` === name);
      if (!figure)
        throw new TemplateError(
          `unknown figure {${name}} (one of ${FIGURES.map((f) => `#${f}`).join(', ')})`,
          at,
        );
      if (rule.kind !== 'resource') throw new TemplateError(`{${name}} is for resource rules only`, at);
      if (figure === 'factor' && typeof rule.limit === 'number')
        throw new TemplateError('{#factor} needs a limit read from a slot', at);
      return { figure };
    }
    // Slot ids may hold dots, attribute names never: a whole slot id wins, else the last dot splits.
    if (slots.has(name)) return { slot: name };
    const dot = name.lastIndexOf('.');
    const slot = dot > 0 ? name.slice(0, dot) : name;
    const attr = dot > 0 ? name.slice(dot + 1) : '';
    if (!slots.has(slot))
      throw new TemplateError(
        `{${name}}: the rule concerns slot${slots.size === 1 ? '' : 's'} ${[...slots].map((s) => `"${s}"`).join(', ')} only`,
        at,
      );
    const read = attrs.get(slot) ?? new Set<string>();
    if (!ATTR.test(attr) || !read.has(attr))
      throw new TemplateError(
        read.size === 0
          ? `{${name}}: the rule reads no attribute of "${slot}"`
          : `{${name}}: the rule reads ${[...read].map((a) => `"${a}"`).join(', ')} of "${slot}" only`,
        at,
      );
    return { slot, attr };
  }
}

/** Why a text cannot be the rule's template (with the character offset), or undefined when it can. */
export function templateProblem(rule: Rule, template: string): string | undefined {
  try {
    parseTemplate(template, rule);
    return undefined;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return `${error.message} (at character ${error.at + 1})`;
  }
}

/** The slots a template names (to know whether a build fills it). */
export function templateSlots(parts: readonly TemplatePart[]): Set<string> {
  return new Set(parts.flatMap((p) => ('slot' in p ? [p.slot] : [])));
}

import type { AttrRef, Condition, Rule } from '../../catalog/schema.ts';
import { describeRule } from '../../catalog/evaluate.ts';
import type { CatalogIndex } from '../../catalog/build.ts';
import { CatalogCompileError, type Literal, type ModelBuilder, type Term } from '../model-builder.ts';
import type { SlotVariables } from '../slot-variables.ts';
import { conditionLiteral, logic } from './literals.ts';
import { attrTerms, checkTotal } from './sums.ts';

/** The rule of one kind, e.g. `RuleOf<'resource'>`. */
export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

/**
 * What every rule compiler shares: the model under construction, the slots' variables, and the auxiliary
 * structures built over them (conditions as literals, partial ORs shared across rules, running totals). Tables a
 * compiler adds carry the rule's id as origin and its label, which explanations show.
 */
export interface RuleContext {
  readonly b: ModelBuilder;
  /** The variables of a slot. @throws CatalogCompileError for an unknown slot id. */
  slot(id: string): SlotVariables;
  /** The rule's words: its message, or a plain statement of it. */
  label(rule: Rule): string;
  /** A condition as a test on one variable (auxiliary for multi slots; tables tagged `origin`). */
  literal(c: Condition, origin: string): Literal;
  /** A table over the literals' variables allowing the combinations where `holds(truths)`. */
  logic(origin: string, text: string, literals: Literal[], holds: (truths: boolean[]) => boolean): void;
  /** Summands of Σ attr × quantity over a slot's chosen options. */
  terms(ref: AttrRef): Term[];
  /** `holds(Σ terms − limit)` as a running-total chain (see sums.ts). */
  checkTotal(
    origin: string,
    text: string,
    terms: Term[],
    holds: (difference: number) => boolean,
    limit: Term[] | number,
  ): void;
}

export function ruleContext(
  b: ModelBuilder,
  index: CatalogIndex,
  slots: readonly SlotVariables[],
): RuleContext {
  const bySlot = new Map(slots.map((vars) => [vars.slot.id, vars]));
  const slot = (id: string): SlotVariables => {
    const vars = bySlot.get(id);
    if (!vars) throw new CatalogCompileError(`unknown slot ${id}`);
    return vars;
  };
  return {
    b,
    slot,
    label: (rule) => rule.message ?? describeRule(index, rule),
    literal: (c, origin) => conditionLiteral(b, slot(c.slot), c, origin),
    logic: (origin, text, literals, holds) => logic(b, origin, text, literals, holds),
    terms: (ref) => attrTerms(b, slot(ref.slot), ref),
    checkTotal: (origin, text, terms, holds, limit) => checkTotal(b, origin, text, terms, holds, limit),
  };
}

import type { Catalog, Rule } from '../catalog/schema.ts';
import { ruleConcerns } from '../catalog/template.ts';
import type { FormOracle } from '../engine/conflict.ts';
import { explainAnyWith, minimalRulesWith } from '../engine/explain.ts';
import { choiceRef, type ChoiceRef } from './build-mapping.ts';
import type { CatalogModel } from './compile-catalog.ts';
import { resourceFigures, type ResourceFigures } from './resource-figures.ts';

/**
 * Why an option is unavailable, in catalog terms: the engine's minimal explanation (choices and rules, both
 * subset-minimal) with, per rule, the options of the explanation it concerns and, for resource rules, the figures.
 * Plain data, rendered in the shopper's language by render-reason.ts.
 */

/**
 * Time for minimising an explanation's rules: typically a few milliseconds; the bound only keeps a pathological
 * catalog from holding the page (past it the rules are correct but not minimal).
 */
const BUDGET_MS = 250;

/** An option of the explanation: one of its choices, or the refused option. */
export interface BoundOption extends ChoiceRef {
  /** How many, when the explanation fixes it (a slot with a quantity may leave it open). */
  quantity?: number;
  refused?: true;
}

export type ReasonKind = Rule['kind'] | 'package' | 'slot';

export interface ReasonRule {
  /** A catalog rule's id; `package:<id>` for what a package includes; `slot:<id>` for a slot's quantity bounds. */
  id: string;
  kind: ReasonKind;
  /** The explanation's options in the slots this rule concerns. */
  options: BoundOption[];
  /** The slots this rule concerns where the explanation has no option. */
  open: string[];
  figures?: ResourceFigures;
}

export interface Explanation {
  /** The option explained. */
  refused: ChoiceRef;
  /**
   * A minimal set of the current choices that excludes the option: dropping any one frees it. A quantity is given
   * where the explanation needs it (the kit, twice); without one, every quantity of the option takes part.
   */
  choices: BoundOption[];
  /** The rules that exclude it with those choices, from the refused option outwards (a chain reads in order). */
  rules: ReasonRule[];
  /** Dropping any one rule lifts the refusal (false only when the engine ran out of time minimising them). */
  minimal: boolean;
}

/** The rules the engine can name: constraint index → rule number (-1 for definitions), and the rule ids. */
export interface RuleNumbering {
  numbers: Int32Array;
  ids: string[];
}

export function numberRules(cm: CatalogModel): RuleNumbering {
  const ids: string[] = [];
  const byId = new Map<string, number>();
  const numbers = Int32Array.from(cm.model.constraints, (c) => {
    if (cm.definitions.has(c.id)) return -1;
    const origin = cm.origin.get(c.id) ?? c.id;
    let n = byId.get(origin);
    if (n === undefined) {
      n = ids.length;
      ids.push(origin);
      byId.set(origin, n);
    }
    return n;
  });
  return { numbers, ids };
}

/** The slots a rule (or package, or slot bound) concerns. */
function concernedSlots(catalog: Catalog, id: string): { kind: ReasonKind; slots: string[]; rule?: Rule } {
  if (id.startsWith('slot:')) return { kind: 'slot', slots: [id.slice(5)] };
  if (id.startsWith('package:')) {
    const pkg = catalog.packages.find((p) => `package:${p.id}` === id);
    const slots = pkg ? [pkg.option.slot, ...pkg.includes.map((i) => i.slot)] : [];
    return { kind: 'package', slots: [...new Set(slots)] };
  }
  const rule = catalog.rules.find((r) => r.id === id);
  if (!rule) return { kind: 'requires', slots: [] };
  return { kind: rule.kind, slots: [...ruleConcerns(rule).slots], rule };
}

/** The engine's fixed values as options with their quantities. */
function boundOptions(cm: CatalogModel, fixed: ReadonlyMap<number, number>, refused: number): BoundOption[] {
  const out: BoundOption[] = [];
  for (const vars of cm.slots) {
    if (vars.kind === 'multi') {
      for (const [option, x] of vars.options) {
        const q = fixed.get(x);
        if (q !== undefined && q > 0)
          out.push({ slot: vars.slot.id, option, quantity: q, ...(x === refused && { refused: true }) });
      }
      continue;
    }
    const v = fixed.get(vars.choice);
    const ref = v === undefined ? undefined : choiceRef(cm, vars.choice, v);
    if (!ref) continue;
    const q = vars.quantity === undefined ? undefined : fixed.get(vars.quantity);
    const quantity =
      vars.quantity === undefined
        ? 1
        : q === undefined
          ? undefined
          : Number(cm.model.variables[vars.quantity]?.values[q]);
    out.push({
      ...ref,
      ...(quantity !== undefined && { quantity }),
      ...(vars.choice === refused && { refused: true }),
    });
  }
  return out;
}

/** Breadth first from the refused option's slot over rules sharing slots: a chain from the refused option out. */
function chainOrder(rules: ReasonRule[], start: string, slotsOf: (r: ReasonRule) => string[]): ReasonRule[] {
  const ordered: ReasonRule[] = [];
  const reached = new Set([start]);
  const left = [...rules];
  while (left.length > 0) {
    const next = left.findIndex((r) => slotsOf(r).some((s) => reached.has(s)));
    const [rule] = left.splice(next < 0 ? 0 : next, 1);
    if (!rule) break;
    ordered.push(rule);
    for (const s of slotsOf(rule)) reached.add(s);
  }
  return ordered;
}

/**
 * Why choosing variable `x` at any of `values` (an option of a multi slot: each quantity) is refused under `others`.
 * Pre: `others` is consistent and holds no value of x. Post: null when some value of `values` is available.
 */
export function explainOption(
  cm: CatalogModel,
  form: FormOracle,
  numbering: RuleNumbering,
  others: ReadonlyMap<number, number>,
  x: number,
  values: readonly number[],
  refused: ChoiceRef,
): Explanation | null {
  // In a multi slot the option is unavailable only if no quantity fits: the choices exclude every quantity.
  const options = { rules: numbering.numbers, budgetMs: BUDGET_MS };
  const explained = explainAnyWith(form, others, x, values, options);
  if (!explained) return null;
  // A quantity is a choice of its option ("the kit, twice"): with it, the option it counts is fixed too.
  const chosen = new Map(explained.choices);
  for (const vars of cm.slots)
    if (vars.kind !== 'multi' && vars.quantity !== undefined && chosen.has(vars.quantity))
      chosen.set(vars.choice, others.get(vars.choice) as number);
  const each = values.map((v) => new Map([...chosen, [x, v]]));
  const e = chosen.size === explained.choices.length ? explained : minimalRulesWith(form, each, options);
  // The figures and the refused option's quantity are the smallest quantity's.
  const fixed = each[0] as Map<number, number>;
  const bound = boundOptions(cm, fixed, x);
  const slots = new Map<ReasonRule, string[]>();
  const rules = e.rules.map((n): ReasonRule => {
    const id = numbering.ids[n] ?? String(n);
    const { kind, slots: concerned, rule } = concernedSlots(cm.catalog, id);
    const options = bound.filter((b) => concerned.includes(b.slot));
    const figures = rule?.kind === 'resource' ? resourceFigures(cm, rule, fixed) : undefined;
    const reason: ReasonRule = {
      id,
      kind,
      options,
      open: concerned.filter((s) => !options.some((b) => b.slot === s)),
      ...(figures && { figures }),
    };
    slots.set(reason, concerned);
    return reason;
  });
  return {
    refused,
    choices: boundOptions(cm, chosen, -1),
    rules: chainOrder(rules, refused.slot, (r) => slots.get(r) ?? []),
    minimal: e.rulesMinimal,
  };
}

import type { Option, Rule } from '../catalog/schema.ts';
import type { ChoiceRef } from './build-mapping.ts';
import { NONE, type CatalogModel, type SlotVariables } from './compile-catalog.ts';

/**
 * The figures of a resource rule under an explanation's fixed values: what the fixed options add, the least (or,
 * for `>=`, the most) the open summed slots can add each on its own, and the limit. When the rule alone excludes the
 * fixed values, these bounds show it (`decisive`): the open slots are independent under that one rule, so the
 * least total is the sum of their least shares, and the limit is the largest any limit option gives.
 */

export interface ResourcePart extends ChoiceRef {
  quantity: number;
  /** The attribute value (summed over the rule's attributes of this slot) of one unit. */
  each: number;
  /** each × quantity. */
  value: number;
}

export interface ResourceFigures {
  /** The first summed attribute: its unit is the figures' unit. */
  attr: string;
  parts: ResourcePart[];
  /** What the open summed slots add at least (`direction` min) or at most (max). */
  rest: number;
  /** Σ parts + rest. */
  total: number;
  direction: 'min' | 'max';
  /** The limit: the constant, or factor × the limit slot's attribute (its largest, for min; its smallest, for max). */
  limit: number;
  /** The limit slot's fixed option, if any. */
  limitOption?: ResourcePart;
  factor?: number;
  /** The total against the limit breaks the rule by these figures alone. */
  decisive: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function attrNumber(option: Option | undefined, attrs: readonly string[]): number {
  return attrs.reduce((t, a) => {
    const v = option?.attributes[a];
    return t + (typeof v === 'number' ? v : 0);
  }, 0);
}

/** A slot's share of a sum: the fixed options, and the least and most the open part can add. */
function share(
  cm: CatalogModel,
  vars: SlotVariables,
  attrs: readonly string[],
  fixed: ReadonlyMap<number, number>,
  direction: 'min' | 'max',
): { parts: ResourcePart[]; least: number; most: number } {
  const slot = vars.slot.id;
  const { variables } = cm.model;
  const parts: ResourcePart[] = [];
  let least = 0;
  let most = 0;
  if (vars.kind === 'multi') {
    for (const option of vars.slot.options) {
      const x = vars.options.get(option.id) ?? -1;
      const each = attrNumber(option, attrs);
      const q = fixed.get(x);
      if (q !== undefined) {
        if (q > 0) parts.push({ slot, option: option.id, quantity: q, each, value: round(each * q) });
        continue;
      }
      least += Math.min(0, each * option.maxQuantity);
      most += Math.max(0, each * option.maxQuantity);
    }
    return { parts, least: round(least), most: round(most) };
  }
  const quantities =
    vars.quantity === undefined
      ? [1]
      : fixed.has(vars.quantity)
        ? [Number(variables[vars.quantity]?.values[fixed.get(vars.quantity) as number])]
        : (variables[vars.quantity]?.values.map(Number) ?? [1]);
  const offset = vars.kind === 'optional' ? 1 : 0;
  const optionAt = (i: number) =>
    variables[vars.choice]?.values[i] === NONE ? undefined : vars.slot.options[i - offset];
  const v = fixed.get(vars.choice);
  if (v !== undefined) {
    const option = optionAt(v);
    if (!option) return { parts, least: 0, most: 0 };
    // A fixed option with its quantity open shows at the quantity the direction asks for; the other one is an offset.
    const each = attrNumber(option, attrs);
    const products = quantities.map((q) => each * q);
    const lo = Math.min(...products);
    const hi = Math.max(...products);
    const q = quantities[products.indexOf(direction === 'min' ? lo : hi)] as number;
    const value = round(each * q);
    parts.push({ slot, option: option.id, quantity: q, each, value });
    return { parts, least: round(lo - value), most: round(hi - value) };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < (variables[vars.choice]?.values.length ?? 0); i++) {
    const option = optionAt(i);
    const each = attrNumber(option, attrs);
    for (const q of option ? quantities : [0]) {
      lo = Math.min(lo, each * q);
      hi = Math.max(hi, each * q);
    }
  }
  return { parts, least: round(lo), most: round(hi) };
}

/** Pre: `rule` is a resource rule of `cm.catalog`; `fixed` maps engine variables to values. */
export function resourceFigures(
  cm: CatalogModel,
  rule: Extract<Rule, { kind: 'resource' }>,
  fixed: ReadonlyMap<number, number>,
): ResourceFigures {
  const direction = rule.op === '>=' ? 'max' : 'min';
  const bySlot = new Map<string, string[]>();
  for (const ref of rule.sum) bySlot.set(ref.slot, [...(bySlot.get(ref.slot) ?? []), ref.attr]);
  const slotVars = (id: string) => cm.slots.find((s) => s.slot.id === id) as SlotVariables;
  const parts: ResourcePart[] = [];
  let least = 0;
  let most = 0;
  for (const [slot, attrs] of bySlot) {
    const s = share(cm, slotVars(slot), attrs, fixed, direction);
    parts.push(...s.parts);
    least += s.least;
    most += s.most;
  }
  const fixedSum = parts.reduce((t, p) => t + p.value, 0);
  const low = round(fixedSum + least);
  const high = round(fixedSum + most);
  let limitLow: number;
  let limitHigh: number;
  let limitOption: ResourcePart | undefined;
  let factor: number | undefined;
  if (typeof rule.limit === 'number') limitLow = limitHigh = rule.limit;
  else {
    factor = rule.limit.factor;
    const s = share(
      cm,
      slotVars(rule.limit.slot),
      [rule.limit.attr],
      fixed,
      direction === 'min' ? 'max' : 'min',
    );
    const own = s.parts.reduce((t, p) => t + p.value, 0);
    limitOption = s.parts.length === 1 ? s.parts[0] : undefined;
    limitLow = round((own + s.least) * factor);
    limitHigh = round((own + s.most) * factor);
  }
  const over = rule.op === '<' ? low >= limitHigh : low > limitHigh;
  const under = high < limitLow;
  const decisive = rule.op === '==' ? over || under : direction === 'min' ? over : under;
  const showMax = direction === 'max' || (rule.op === '==' && !over && under);
  return {
    attr: rule.sum[0]?.attr ?? '',
    parts,
    rest: showMax ? most : least,
    total: showMax ? high : low,
    direction: showMax ? 'max' : 'min',
    limit: showMax ? limitLow : limitHigh,
    ...(limitOption && { limitOption }),
    ...(factor !== undefined && { factor }),
    decisive,
  };
}

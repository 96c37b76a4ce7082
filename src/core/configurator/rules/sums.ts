import type { AttrRef } from '../../catalog/schema.ts';
import { round, type ModelBuilder, type Term } from '../model-builder.ts';
import { linear } from '../running-total.ts';
import { attrNumber, optionAt, type SlotVariables } from '../slot-variables.ts';

/** Summands for Σ attr × quantity over a slot's chosen options. */
export function attrTerms(b: ModelBuilder, vars: SlotVariables, ref: AttrRef): Term[] {
  if (vars.kind === 'multi')
    return vars.slot.options.map((o) => ({
      vars: [vars.options.get(o.id) ?? -1],
      weight: ([q]) => attrNumber(o, ref.attr) * (q ?? 0),
    }));
  const { quantity } = vars;
  if (quantity !== undefined) {
    const low = Number(b.variables[quantity]?.values[0] ?? 1);
    return [
      {
        vars: [vars.choice, quantity],
        weight: ([o, q]) => attrNumber(optionAt(vars, o ?? 0), ref.attr) * (low + (q ?? 0)),
      },
    ];
  }
  return [{ vars: [vars.choice], weight: ([o]) => attrNumber(optionAt(vars, o ?? 0), ref.attr) }];
}

/** Merges summands over the same variables so each variable enters a chain once. */
function merge(terms: Term[]): Term[] {
  const byVars = new Map<string, Term>();
  for (const t of terms) {
    const key = t.vars.join(',');
    const known = byVars.get(key);
    byVars.set(key, known ? { vars: t.vars, weight: (v) => known.weight(v) + t.weight(v) } : t);
  }
  return [...byVars.values()];
}

/**
 * Σ terms `op` limit. A limit over slots joins the sum with negated weights (Σ terms − limit `op` 0), so the
 * chain can start from the limit: with the limit slot early in the diagram, the running value is a remaining
 * budget that the few summands still to come keep small.
 */
export function checkTotal(
  b: ModelBuilder,
  origin: string,
  text: string,
  terms: Term[],
  holds: (difference: number) => boolean,
  limit: Term[] | number,
): void {
  const negated = (typeof limit === 'number' ? [] : limit).map((t) => ({
    vars: t.vars,
    weight: (v: readonly number[]) => -t.weight(v),
  }));
  const constant = typeof limit === 'number' ? limit : 0;
  linear(b, origin, text, merge([...terms, ...negated]), (t) => holds(round(t - constant)));
}

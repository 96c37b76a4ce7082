import { compare } from '../../catalog/evaluate.ts';
import type { Option } from '../../catalog/schema.ts';
import type { Constraint } from '../../engine/model.ts';
import { optionAt, type SlotVariables } from '../slot-variables.ts';
import type { RuleContext, RuleOf } from './context.ts';

/** A slot's variables, each with the option a value of it chooses; a multi slot has one per option. */
function sides(vars: SlotVariables): { variable: number; option: (value: number) => Option | undefined }[] {
  return vars.kind === 'multi'
    ? vars.slot.options.map((o) => ({
        variable: vars.options.get(o.id) ?? -1,
        option: (v: number) => (v > 0 ? o : undefined),
      }))
    : [{ variable: vars.choice, option: (v: number) => optionAt(vars, v) }];
}

/**
 * left.attr op right.attr for every pair of chosen options: one binary table per pair of variables, since in a
 * multi slot each chosen option must pass on its own. A pair where either side lacks the attribute (or is empty)
 * passes, as in evaluate.ts.
 */
export function compileCompatible(rule: RuleOf<'compatible'>, ctx: RuleContext): readonly Constraint[] {
  const text = ctx.label(rule);
  return ctx.b.collect(() => {
    for (const l of sides(ctx.slot(rule.left.slot)))
      for (const r of sides(ctx.slot(rule.right.slot)))
        ctx.b.enumerate(rule.id, text, [l.variable, r.variable], ([lv, rv]) => {
          const a = l.option(lv ?? 0)?.attributes[rule.left.attr];
          const c = r.option(rv ?? 0)?.attributes[rule.right.attr];
          return a === undefined || c === undefined || compare(a, rule.op, c);
        });
  });
}

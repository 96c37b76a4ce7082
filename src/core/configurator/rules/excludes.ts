import type { Constraint } from '../../engine/model.ts';
import type { RuleContext, RuleOf } from './context.ts';

/** The conditions never all hold: one table over their variables. */
export function compileExcludes(rule: RuleOf<'excludes'>, ctx: RuleContext): readonly Constraint[] {
  return ctx.b.collect(() =>
    ctx.logic(
      rule.id,
      ctx.label(rule),
      rule.all.map((c) => ctx.literal(c, rule.id)),
      (t) => !t.every(Boolean),
    ),
  );
}

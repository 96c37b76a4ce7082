import type { Constraint } from '../../engine/model.ts';
import type { RuleContext, RuleOf } from './context.ts';

/** `when` all hold → `then` holds: one table over the conditions' variables. */
export function compileRequires(rule: RuleOf<'requires'>, ctx: RuleContext): readonly Constraint[] {
  return ctx.b.collect(() => {
    const when = rule.when.map((c) => ctx.literal(c, rule.id));
    const then = ctx.literal(rule.then, rule.id);
    ctx.logic(
      rule.id,
      ctx.label(rule),
      [...when, then],
      (t) => !t.slice(0, -1).every(Boolean) || t[t.length - 1] === true,
    );
  });
}

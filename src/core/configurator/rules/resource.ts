import { compare } from '../../catalog/evaluate.ts';
import type { Constraint } from '../../engine/model.ts';
import type { RuleContext, RuleOf } from './context.ts';

/** Σ attr × quantity `op` limit (a constant, or factor × an attribute of another slot): a running-total chain. */
export function compileResource(rule: RuleOf<'resource'>, ctx: RuleContext): readonly Constraint[] {
  const text = ctx.label(rule);
  const terms = rule.sum.flatMap((ref) => ctx.terms(ref));
  const holds = (difference: number) => compare(difference, rule.op, 0);
  const { limit } = rule;
  return ctx.b.collect(() => {
    if (typeof limit === 'number') ctx.checkTotal(rule.id, text, terms, holds, limit);
    else
      ctx.checkTotal(
        rule.id,
        text,
        terms,
        holds,
        ctx
          .terms(limit)
          .map((t) => ({ vars: t.vars, weight: (v: readonly number[]) => t.weight(v) * limit.factor })),
      );
  });
}

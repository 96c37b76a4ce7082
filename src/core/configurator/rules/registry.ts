import type { Rule } from '../../catalog/schema.ts';
import type { Constraint } from '../../engine/model.ts';
import { compileCompatible } from './compatible.ts';
import type { RuleContext, RuleOf } from './context.ts';
import { compileExcludes } from './excludes.ts';
import { compileRequires } from './requires.ts';
import { compileResource } from './resource.ts';

/** Compiles one rule of kind K: adds its tables (and any auxiliary variables they need) and returns the tables. */
export type RuleCompiler<K extends Rule['kind']> = (
  rule: RuleOf<K>,
  ctx: RuleContext,
) => readonly Constraint[];

/** One compiler per rule kind; a kind added to the schema without one here fails to type-check. */
export const ruleCompilers: { readonly [K in Rule['kind']]: RuleCompiler<K> } = {
  requires: compileRequires,
  excludes: compileExcludes,
  compatible: compileCompatible,
  resource: compileResource,
};

/** Compiles a rule with the compiler of its kind. Post: the tables it added, each with origin `rule.id`. */
export function compileRule<K extends Rule['kind']>(
  rule: RuleOf<K>,
  ctx: RuleContext,
): readonly Constraint[] {
  const compile: RuleCompiler<K> = ruleCompilers[rule.kind];
  return compile(rule, ctx);
}

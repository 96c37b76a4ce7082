import type { Condition, Option } from '../../catalog/schema.ts';
import { compare } from '../../catalog/evaluate.ts';
import type { Literal, ModelBuilder } from '../model-builder.ts';
import { optionAt, type SlotVariables } from '../slot-variables.ts';

/** Whether one option satisfies a condition on its slot; for `empty` every option does, as "something chosen". */
function optionMatches(option: Option, c: Condition): boolean {
  if ('option' in c) return option.id === c.option;
  if ('anyOf' in c) return c.anyOf.includes(option.id);
  if ('empty' in c) return true;
  const value = option.attributes[c.attr];
  return value !== undefined && compare(value, c.op, c.value);
}

/**
 * A condition as a literal: on a single/optional slot a set of values of its variable; on a multi slot "some
 * matching option has a quantity", a partial-OR chain over the matching options' variables (shared by every
 * condition naming the same options), or a constant when none can match.
 */
export function conditionLiteral(
  b: ModelBuilder,
  vars: SlotVariables,
  c: Condition,
  origin: string,
): Literal {
  if (vars.kind !== 'multi') {
    const accept = new Set<number>();
    const size = b.domain(vars.choice);
    for (let value = 0; value < size; value++) {
      const option = optionAt(vars, value);
      const holds = 'empty' in c ? (option === undefined) === c.empty : !!option && optionMatches(option, c);
      if (holds) accept.add(value);
    }
    return { variable: vars.choice, accept };
  }
  const matching = vars.slot.options.filter((o) => optionMatches(o, c));
  const chosen = matching.map((o) => {
    const v = vars.options.get(o.id) ?? -1;
    return { variable: v, accept: new Set(Array.from({ length: o.maxQuantity }, (_, q) => q + 1)) };
  });
  if (chosen.length === 0) {
    // Nothing can match: a constant literal, expressed on a fresh 1-value variable.
    const never = b.aux('const', ['0']);
    return { variable: never, accept: new Set('empty' in c && c.empty ? [0] : []) };
  }
  const some = b.or(chosen, `${c.slot}:${matching.map((o) => o.id).join(',')}`, origin);
  if ('empty' in c && c.empty) {
    const size = b.domain(some.variable);
    const accept = new Set<number>();
    for (let v = 0; v < size; v++) if (!some.accept.has(v)) accept.add(v);
    return { variable: some.variable, accept };
  }
  return some;
}

/** A table over the literals' distinct variables where `holds(truths)` is true (none when it always is). */
export function logic(
  b: ModelBuilder,
  origin: string,
  text: string,
  literals: Literal[],
  holds: (truths: boolean[]) => boolean,
): void {
  const scope = [...new Set(literals.map((l) => l.variable))];
  b.enumerate(origin, text, scope, (values) => {
    const truths = literals.map((l) => l.accept.has(values[scope.indexOf(l.variable)] ?? -1));
    return holds(truths);
  });
}

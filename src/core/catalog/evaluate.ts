import type { AttributeValue, Comparison, Condition, Option, Rule } from './schema.ts';
import type { Build, CatalogIndex } from './build.ts';

/**
 * The meaning of a catalog's rules on one build, checked directly. This is the reference semantics: the engine's
 * compiled model must agree with it (its property tests use this as the oracle), and the server uses it to
 * re-validate every build it is sent.
 *
 * Conventions: an empty slot satisfies no option/attribute condition; `compatible` ignores pairs where either
 * option lacks the attribute; `resource` counts a missing attribute as 0, and an empty limit slot as limit 0.
 */

export function compare(left: AttributeValue, op: Comparison, right: AttributeValue): boolean {
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

/** The chosen options of a slot with their quantities (unknown option ids are skipped). */
export function chosenOptions(
  index: CatalogIndex,
  build: Build,
  slotId: string,
): { option: Option; qty: number }[] {
  const chosen: { option: Option; qty: number }[] = [];
  for (const [optionId, qty] of Object.entries(build[slotId] ?? {})) {
    const found = index.option.get(optionId);
    if (found && found.slot.id === slotId && qty > 0) chosen.push({ option: found.option, qty });
  }
  return chosen;
}

export function conditionHolds(index: CatalogIndex, build: Build, c: Condition): boolean {
  const chosen = chosenOptions(index, build, c.slot);
  if ('empty' in c) return (chosen.length === 0) === c.empty;
  if ('option' in c) return chosen.some(({ option }) => option.id === c.option);
  if ('anyOf' in c) return chosen.some(({ option }) => c.anyOf.includes(option.id));
  return chosen.some(({ option }) => {
    const value = option.attributes[c.attr];
    return value !== undefined && compare(value, c.op, c.value);
  });
}

function resourceTotal(index: CatalogIndex, build: Build, refs: { slot: string; attr: string }[]): number {
  let total = 0;
  for (const ref of refs)
    for (const { option, qty } of chosenOptions(index, build, ref.slot)) {
      const value = option.attributes[ref.attr];
      if (typeof value === 'number') total += value * qty;
    }
  return total;
}

/** Whether one rule holds on the build (empty slots being empty). */
export function ruleHolds(index: CatalogIndex, build: Build, rule: Rule): boolean {
  switch (rule.kind) {
    case 'requires':
      return (
        !rule.when.every((c) => conditionHolds(index, build, c)) || conditionHolds(index, build, rule.then)
      );
    case 'excludes':
      return !rule.all.every((c) => conditionHolds(index, build, c));
    case 'compatible': {
      const rights = chosenOptions(index, build, rule.right.slot);
      return chosenOptions(index, build, rule.left.slot).every(({ option: l }) =>
        rights.every(({ option: r }) => {
          const a = l.attributes[rule.left.attr];
          const b = r.attributes[rule.right.attr];
          return a === undefined || b === undefined || compare(a, rule.op, b);
        }),
      );
    }
    case 'resource': {
      const total = resourceTotal(index, build, rule.sum);
      const limit =
        typeof rule.limit === 'number'
          ? rule.limit
          : resourceTotal(index, build, [rule.limit]) * rule.limit.factor;
      return compare(total, rule.op, limit);
    }
  }
}

export interface Violation {
  /** A rule id, or `package:<id>` for a package whose included option is missing. */
  rule: string;
  message: string;
}

/**
 * Every rule and package the build breaks, in catalog order; empty when the build satisfies them all.
 * Pre: the build is structurally sound (see structuralProblems); this does not check slot kinds or quantities.
 */
export function violations(index: CatalogIndex, build: Build): Violation[] {
  const found: Violation[] = [];
  for (const rule of index.catalog.rules)
    if (!ruleHolds(index, build, rule))
      found.push({ rule: rule.id, message: rule.message ?? describeRule(index, rule) });
  for (const pkg of index.catalog.packages) {
    if (!conditionHolds(index, build, pkg.option)) continue;
    for (const inc of pkg.includes)
      if (!conditionHolds(index, build, inc))
        found.push({
          rule: `package:${pkg.id}`,
          message: `${optionName(index, pkg.option.option)} includes ${optionName(index, inc.option)}`,
        });
  }
  return found;
}

export function optionName(index: CatalogIndex, optionId: string): string {
  return index.option.get(optionId)?.option.name ?? optionId;
}

function describeCondition(index: CatalogIndex, c: Condition): string {
  const slot = index.slot.get(c.slot)?.name ?? c.slot;
  if ('empty' in c) return c.empty ? `no ${slot}` : `a ${slot}`;
  if ('option' in c) return optionName(index, c.option);
  if ('anyOf' in c) return c.anyOf.map((o) => optionName(index, o)).join(' or ');
  const label = index.catalog.attributes[c.attr]?.label ?? c.attr;
  return `${slot} with ${label} ${c.op} ${String(c.value)}`;
}

/** A plain-words statement of a rule, for rules the catalog gives no message. */
export function describeRule(index: CatalogIndex, rule: Rule): string {
  const attr = (ref: { slot: string; attr: string }) =>
    `${index.slot.get(ref.slot)?.name ?? ref.slot} ${index.catalog.attributes[ref.attr]?.label ?? ref.attr}`;
  switch (rule.kind) {
    case 'requires':
      return `${rule.when.map((c) => describeCondition(index, c)).join(' and ')} requires ${describeCondition(index, rule.then)}`;
    case 'excludes':
      return `${rule.all.map((c) => describeCondition(index, c)).join(', ')} cannot be combined`;
    case 'compatible':
      return `${attr(rule.left)} must be ${rule.op} ${attr(rule.right)}`;
    case 'resource': {
      const limit =
        typeof rule.limit === 'number'
          ? String(rule.limit)
          : `${rule.limit.factor === 1 ? '' : `${rule.limit.factor} × `}${attr(rule.limit)}`;
      return `total ${rule.sum.map(attr).join(' + ')} must be ${rule.op} ${limit}`;
    }
  }
}

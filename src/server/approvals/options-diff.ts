import type { BuildSelections } from '../../contract/builds.schema.ts';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';

type OptionsDiff = NonNullable<ApprovalRequest['sincePrevious']>['options'];

/** An option as the manager reads it: its id, with the quantity when more than one. */
const optionsOf = (slot: Record<string, number> | undefined): string[] =>
  Object.entries(slot ?? {})
    .map(([option, quantity]) => (quantity > 1 ? `${option} ×${quantity}` : option))
    .sort();

/**
 * The slots whose options differ between two builds, in slot order. Kept here rather than in core until the quotes'
 * revision diff (core/quotes/diff.ts) is on main; then this should use it.
 */
export function optionsDiff(before: BuildSelections, after: BuildSelections): OptionsDiff {
  const slots = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return slots.flatMap((slot) => {
    const was = optionsOf(before[slot]);
    const now = optionsOf(after[slot]);
    return JSON.stringify(was) === JSON.stringify(now) ? [] : [{ slot, before: was, after: now }];
  });
}

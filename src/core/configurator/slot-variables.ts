import type { Catalog, Option, Slot } from '../catalog/schema.ts';
import { quantityBounds } from '../catalog/build.ts';
import { toCents } from '../pricing/price.ts';
import type { ModelBuilder } from './model-builder.ts';

/** The value of an optional slot's variable when nothing is chosen. */
export const NONE = '(none)';

export type SlotVariables =
  | { slot: Slot; kind: 'single' | 'optional'; choice: number; quantity?: number }
  | { slot: Slot; kind: 'multi'; options: ReadonlyMap<string, number> };

/** Option of a single/optional slot at a value index, or undefined for NONE (and for multi slots). */
export function optionAt(vars: SlotVariables, value: number): Option | undefined {
  return vars.kind === 'multi' ? undefined : vars.slot.options[value - (vars.kind === 'optional' ? 1 : 0)];
}

/** A numeric attribute of an option; missing or non-numeric counts as 0, as in resource rules. */
export function attrNumber(option: Option | undefined, attr: string): number {
  const value = option?.attributes[attr];
  return typeof value === 'number' ? value : 0;
}

/**
 * The user variables of every slot, in catalog order, with their prices as per-value costs: a single or optional
 * slot is one variable over its option ids (optional adds {@link NONE}); a single slot with a quantity adds
 * `slot#qty` and an auxiliary line variable carrying price × quantity; a multi slot is one quantity variable per
 * option, `slot/option` over "0".."maxQuantity". Each gets its rank from the slot's place in `sequence`.
 */
export function compileSlots(
  b: ModelBuilder,
  catalog: Catalog,
  sequence: readonly string[],
): { slots: SlotVariables[]; userVariables: number[] } {
  const slots: SlotVariables[] = [];
  const userVariables: number[] = [];
  for (const slot of catalog.slots) {
    const rank = sequence.indexOf(slot.id) * 1000;
    if (slot.kind === 'multi') {
      const options = new Map<string, number>();
      for (const option of slot.options) {
        const v = b.variable(
          `${slot.id}/${option.id}`,
          Array.from({ length: option.maxQuantity + 1 }, (_, q) => String(q)),
        );
        options.set(option.id, v);
        userVariables.push(v);
        b.rank.set(v, rank + options.size);
        for (let q = 1; q <= option.maxQuantity; q++) b.addCost(v, q, toCents(option.price) * q);
      }
      slots.push({ slot, kind: 'multi', options });
      continue;
    }
    const values = slot.options.map((o) => o.id);
    if (slot.kind === 'optional') values.unshift(NONE);
    const choice = b.variable(slot.id, values);
    userVariables.push(choice);
    b.rank.set(choice, rank);
    const offset = slot.kind === 'optional' ? 1 : 0;
    const { min, max } = quantityBounds(slot);
    if (slot.kind !== 'single' || !slot.quantity || max <= 1) {
      slot.options.forEach((option, o) => b.addCost(choice, o + offset, toCents(option.price)));
      slots.push({ slot, kind: slot.kind, choice });
      continue;
    }
    const low = Math.max(1, min);
    const qtys = max - low + 1;
    const quantity = b.variable(
      `${slot.id}#qty`,
      Array.from({ length: qtys }, (_, i) => String(low + i)),
    );
    userVariables.push(quantity);
    b.rank.set(quantity, rank + 1);
    // price × quantity is not a sum of per-variable costs: a line variable carries it.
    const line = b.aux(
      'line',
      values.flatMap((o) => b.variables[quantity]?.values.map((q) => `${o}×${q}`) ?? []),
    );
    const rows: number[][] = [];
    slot.options.forEach((option, o) => {
      for (let q = 0; q < qtys; q++) {
        rows.push([o + offset, q, (o + offset) * qtys + q]);
        b.addCost(line, (o + offset) * qtys + q, toCents(option.price) * (low + q));
      }
    });
    b.table(`slot:${slot.id}`, `${slot.name} quantity`, [choice, quantity, line], rows, true);
    slots.push({ slot, kind: slot.kind, choice, quantity });
  }
  return { slots, userVariables };
}

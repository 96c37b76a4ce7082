import { z } from 'zod';
import type { Catalog, Option, Slot } from './schema.ts';

/**
 * A build: for each slot, the chosen options with their quantities. A single slot holds one option (quantity 1,
 * or within the slot's quantity bounds); an optional slot holds none or one; a multi slot holds any number.
 * Absent slots and zero quantities mean "nothing chosen".
 */
export const buildSchema = z.record(
  z.string().min(1).max(80),
  z.record(z.string().min(1).max(80), z.number().int().min(1).max(64)),
);
export type Build = z.infer<typeof buildSchema>;

/** Quick lookups into a catalog; built once per catalog. */
export interface CatalogIndex {
  catalog: Catalog;
  slot: Map<string, Slot>;
  /** option id -> its slot and the option itself (option ids are unique across a catalog). */
  option: Map<string, { slot: Slot; option: Option }>;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const slot = new Map<string, Slot>();
  const option = new Map<string, { slot: Slot; option: Option }>();
  for (const s of catalog.slots) {
    slot.set(s.id, s);
    for (const o of s.options) option.set(o.id, { slot: s, option: o });
  }
  return { catalog, slot, option };
}

export interface BuildProblem {
  slot: string;
  option?: string;
  message: string;
}

/**
 * Structural check of a build against the catalog's slots (not its rules): known slots and options, the right
 * number of choices per slot kind, quantities within bounds. A complete build has every single slot filled.
 */
export function structuralProblems(index: CatalogIndex, build: Build, complete: boolean): BuildProblem[] {
  const problems: BuildProblem[] = [];
  for (const slotId of Object.keys(build))
    if (!index.slot.has(slotId)) problems.push({ slot: slotId, message: `unknown slot "${slotId}"` });
  for (const slot of index.catalog.slots) {
    const entries = Object.entries(build[slot.id] ?? {});
    for (const [optionId, qty] of entries) {
      const found = index.option.get(optionId);
      if (!found || found.slot.id !== slot.id)
        problems.push({
          slot: slot.id,
          option: optionId,
          message: `"${optionId}" is not an option of ${slot.name}`,
        });
      else if (slot.kind === 'multi' && qty > found.option.maxQuantity)
        problems.push({
          slot: slot.id,
          option: optionId,
          message: `at most ${found.option.maxQuantity} × ${found.option.name}`,
        });
    }
    const total = entries.reduce((sum, [, qty]) => sum + qty, 0);
    const { min, max } = quantityBounds(slot);
    if (slot.kind !== 'multi' && entries.length > 1)
      problems.push({ slot: slot.id, message: `${slot.name} takes one option, got ${entries.length}` });
    else if (
      total > max ||
      (total < min && (complete || total > 0) && !(slot.kind === 'optional' && total === 0))
    )
      problems.push({
        slot: slot.id,
        message:
          total === 0 ? `choose ${slot.name}` : `${slot.name}: quantity must be ${min}–${max}, got ${total}`,
      });
  }
  return problems;
}

/** Total-quantity bounds of a slot when something is chosen (multi: over all its options). */
export function quantityBounds(slot: Slot): { min: number; max: number } {
  if (slot.quantity) return slot.quantity;
  if (slot.kind === 'multi') return { min: 0, max: slot.options.reduce((sum, o) => sum + o.maxQuantity, 0) };
  return { min: 1, max: 1 };
}

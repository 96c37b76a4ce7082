import type { Catalog, Option } from '../catalog/schema.ts';
import { quantityBounds } from '../catalog/build.ts';
import type { Model } from '../engine/model.ts';
import { attrNumber } from './slot-variables.ts';

/**
 * The order of slots in the diagram: the catalog's, except that the slots of the widest resource rule are re-seated
 * among their own positions: the limit slot first (the PSU), then the summed slots from the widest contribution
 * (GPU watts) to the narrowest. The chain then carries a remaining budget that the summands still to come bound to
 * a few values; with the limit last it would have to tell apart hundreds of running totals.
 */
export function slotSequence(catalog: Catalog): string[] {
  const ids = catalog.slots.map((s) => s.id);
  const widest = catalog.rules
    .flatMap((r) => (r.kind === 'resource' ? [r] : []))
    .sort((x, y) => new Set(y.sum.map((t) => t.slot)).size - new Set(x.sum.map((t) => t.slot)).size)[0];
  if (!widest) return ids;
  const spread = (slotId: string) => {
    const slot = catalog.slots.find((s) => s.id === slotId);
    if (!slot) return 0;
    const attrs = widest.sum.filter((t) => t.slot === slotId).map((t) => t.attr);
    const weight = (o: Option) => attrs.reduce((sum, a) => sum + attrNumber(o, a), 0);
    const weights = slot.options.map(weight);
    const { max } = quantityBounds(slot);
    if (slot.kind === 'multi')
      return Math.min(
        max * Math.max(0, ...weights),
        slot.options.reduce((t, o) => t + Math.max(0, weight(o)) * o.maxQuantity, 0),
      );
    return Math.max(0, ...weights) * max - Math.min(0, ...weights);
  };
  const summed = [...new Set(widest.sum.map((t) => t.slot))].sort((x, y) => spread(y) - spread(x));
  const limit = typeof widest.limit === 'number' ? [] : [widest.limit.slot];
  const members = [...new Set([...limit, ...summed])];
  const seats = members.map((id) => ids.indexOf(id)).sort((x, y) => x - y);
  members.forEach((id, i) => (ids[seats[i] ?? 0] = id));
  return ids;
}

/**
 * The diagram order: user variables by rank, each auxiliary variable right after the last variable of the table
 * that defines it (its first table), so every chain link spans a few adjacent levels.
 */
export function diagramOrder(model: Model, rank: ReadonlyMap<number, number>): number[] {
  const order = [...rank.keys()].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
  const position = new Map(order.map((x, i) => [x, i]));
  for (const c of model.constraints)
    for (const x of c.scope) {
      if (position.has(x)) continue;
      const after = Math.max(-1, ...c.scope.map((y) => position.get(y) ?? -1));
      order.splice(after + 1, 0, x);
      order.forEach((y, i) => position.set(y, i));
    }
  for (let x = 0; x < model.variables.length; x++) if (!position.has(x)) order.push(x);
  return order;
}

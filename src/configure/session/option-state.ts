import { useSelector } from '@xstate/react';
import type { Option, Slot } from '../../core/catalog/index.ts';
import { optionStateOf } from '../../core/configurator/configurator.ts';
import { toCents } from '../../core/pricing/index.ts';
import { useOptionMark } from './marks.ts';
import { useSession } from './session-context.tsx';

const noQuantities: readonly number[] = [];
const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What one option card shows, each part read on its own, so a click re-renders only the cards it changed. */
export interface OptionCardState {
  available: boolean;
  /** Multi slots: the quantities of this option that keep the build completable. */
  quantities: readonly number[];
  /** The chosen quantity; undefined when not chosen. */
  chosenQty: number | undefined;
  /** What choosing it moves the total by: its price, or in a single slot the difference to the chosen option. */
  deltaCents: number;
  mark: 'recommended' | 'popular' | undefined;
}

export function useOptionCardState(slot: Slot, option: Option): OptionCardState {
  const { actor } = useSession();
  const available = useSelector(
    actor,
    (s) => optionStateOf(s.context.view, slot.id, option.id)?.available ?? false,
  );
  const quantities = useSelector(
    actor,
    (s) => optionStateOf(s.context.view, slot.id, option.id)?.quantities ?? noQuantities,
    sameNumbers,
  );
  const chosenQty = useSelector(actor, (s) => s.context.choices[slot.id]?.[option.id]);
  // In a single slot a card is priced against the chosen option: the difference, not which option, is read.
  const deltaCents = useSelector(actor, (s) => {
    const price = toCents(option.price);
    if (slot.kind === 'multi') return price;
    const [chosenId] = Object.keys(s.context.choices[slot.id] ?? {});
    const chosen = slot.options.find((o) => o.id === chosenId);
    return chosen ? price - toCents(chosen.price) : price;
  });
  return {
    available,
    quantities,
    chosenQty,
    deltaCents,
    mark: useOptionMark(slot.id, option.id),
  };
}

/** What a slot's heading and quantity show: how many options fit, the chosen option and its quantities. */
export function useSlotState(slot: Slot) {
  const { actor } = useSession();
  const state = (s: ReturnType<typeof actor.getSnapshot>) =>
    s.context.view.slots.find((x) => x.slot === slot.id);
  const available = useSelector(actor, (s) => state(s)?.options.filter((o) => o.available).length ?? 0);
  const quantities = useSelector(actor, (s) => state(s)?.quantities ?? noQuantities, sameNumbers);
  const chosenId = useSelector(actor, (s) => Object.keys(s.context.choices[slot.id] ?? {})[0]);
  const chosenQty = useSelector(actor, (s) =>
    chosenId === undefined ? undefined : s.context.choices[slot.id]?.[chosenId],
  );
  return { available, quantities, chosenId, chosenQty };
}

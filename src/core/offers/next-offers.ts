import type { Build } from '../catalog/build.ts';
import type { Configurator, SlotChange } from '../configurator/configurator.ts';
import { discountBand, type DiscountAuthority, type DiscountBand } from '../profile/authority.ts';

/** What a suggestion is ranked on: the customer's own preferences and what buyers of similar builds chose. */
export interface OfferSignals {
  /** The customer's preference weight per option id (profile/weights.ts); missing: no preference. */
  weights: Readonly<Record<string, number>>;
  /** Builds of buyers like this customer (their options), e.g. the most similar orders. */
  similar: readonly Build[];
}

export interface NextOffer {
  /** The one slot that changes, and its options before and after (empty: nothing chosen). */
  change: SlotChange;
  /** The whole build after the change: completable by construction (the engine's valid values). */
  build: Build;
  priceDeltaCents: number;
  /** The customer's weight for what is added, minus for what is dropped. */
  preference: number;
  /** Share (0–1) of the similar builds that have every option added. */
  similarShare: number;
  score: number;
  /** The discount (%, of the new total) that would keep the current total; 0 when the change costs nothing more. */
  discountPercent: number;
  /** Whether the staff member may give that discount on their own, with approval, or not at all. */
  band: DiscountBand;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** One-step changes of a slot: switch a single/optional slot's option, empty an optional one, add to a multi one. */
function candidates(configurator: Configurator, build: Build): Build[] {
  const state = configurator.state(build);
  const out: Build[] = [];
  for (const slotState of state.slots) {
    const slot = configurator.catalog.slots.find((s) => s.id === slotState.slot);
    if (!slot) continue;
    const chosen = build[slot.id] ?? {};
    for (const option of slotState.options) {
      if (!option.available || chosen[option.id] !== undefined) continue;
      const next = configurator.choose(build, slot.id, option.id);
      if (next) out.push(next);
    }
    if (slot.kind !== 'single' && slotState.emptyAvailable && Object.keys(chosen).length > 0)
      for (const optionId of slot.kind === 'optional' ? [Object.keys(chosen)[0] ?? ''] : Object.keys(chosen))
        out.push(configurator.remove(build, slot.id, optionId));
  }
  return out;
}

/**
 * The next best offers for an open build: every change of one slot to another of its valid values, ranked by the
 * customer's preference for what it adds (minus what it drops), plus how many buyers of similar builds have what it
 * adds, then by the smaller price difference; each with the discount that would keep the current total and where
 * that discount falls in the staff member's authority.
 * Pre: `build` is completable in `configurator`'s catalog (a session's choices always are).
 * Post: every offer's build differs from `build` in exactly one slot and extends to a complete valid build.
 * @param price the build's total in cents, as the server prices it.
 * @param limit how many offers at most, best first.
 */
export function nextOffers(
  configurator: Configurator,
  build: Build,
  signals: OfferSignals,
  price: (build: Build) => number,
  authority: DiscountAuthority,
  limit = 8,
): NextOffer[] {
  const currentCents = price(build);
  const offers = candidates(configurator, build).flatMap((next): NextOffer[] => {
    const changes = configurator.diff(build, next);
    const [change] = changes;
    if (!change || changes.length !== 1) return [];
    const added = change.to.filter((o) => !change.from.includes(o));
    const dropped = change.from.filter((o) => !change.to.includes(o));
    const preference =
      sum(added.map((o) => signals.weights[o] ?? 0)) - sum(dropped.map((o) => signals.weights[o] ?? 0));
    const having = signals.similar.filter((b) => added.every((o) => b[change.slot]?.[o] !== undefined));
    const similarShare =
      signals.similar.length > 0 && added.length > 0 ? having.length / signals.similar.length : 0;
    const nextCents = price(next);
    const priceDeltaCents = nextCents - currentCents;
    const discountPercent = priceDeltaCents > 0 && nextCents > 0 ? (priceDeltaCents / nextCents) * 100 : 0;
    return [
      {
        change,
        build: next,
        priceDeltaCents,
        preference,
        similarShare,
        score: preference + similarShare,
        discountPercent,
        band: discountBand(authority, discountPercent),
      },
    ];
  });
  return offers
    .sort(
      (a, b) =>
        b.score - a.score ||
        Math.abs(a.priceDeltaCents) - Math.abs(b.priceDeltaCents) ||
        a.change.slot.localeCompare(b.change.slot) ||
        a.change.to.join().localeCompare(b.change.to.join()),
    )
    .slice(0, limit);
}

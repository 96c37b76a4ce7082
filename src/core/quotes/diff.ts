import type { Build as BuildSelections } from '../catalog/build.ts';

/** What of a quote revision its difference to another is read from. */
export interface DiffableRevision {
  revision: number;
  catalogVersion: string;
  selections: BuildSelections;
  discountPercent: number;
  totalCents: number;
  validUntil: string;
}

/** One slot whose choices differ: its options before and after, an option listed once per unit of its quantity. */
export interface SlotChange {
  slot: string;
  before: string[];
  after: string[];
}

export interface RevisionDifference {
  from: number;
  to: number;
  options: SlotChange[];
  catalogVersion: { before: string; after: string } | null;
  discountPercent: { before: number; after: number } | null;
  totalCents: { before: number; after: number } | null;
  validUntil: { before: string; after: string } | null;
}

/**
 * A slot's choices as a sorted multiset of option ids: two units of one option are that id twice, so a change of
 * quantity shows as a change (a list of ids alone would hide it) and the order options were listed in never does.
 */
function unitsOf(options: Record<string, number> | undefined): string[] {
  return Object.entries(options ?? {})
    .flatMap(([id, quantity]) => Array.from({ length: quantity }, () => id))
    .sort();
}

const changed = <T>(before: T, after: T): { before: T; after: T } | null =>
  before === after ? null : { before, after };

/**
 * How revision `b` differs from revision `a` (normally `a` is the one before `b` in its group).
 * Post: `options` lists exactly the slots whose choices differ (slots sorted by id; an absent slot and an empty one
 * are equal); every other field is null where both revisions agree. Neither the slot nor the option order of the
 * inputs matters, and `diff(b, a)` is `diff(a, b)` with before and after swapped.
 */
export function diffRevisions(a: DiffableRevision, b: DiffableRevision): RevisionDifference {
  const slots = [...new Set([...Object.keys(a.selections), ...Object.keys(b.selections)])].sort();
  const options = slots.flatMap((slot) => {
    const before = unitsOf(a.selections[slot]);
    const after = unitsOf(b.selections[slot]);
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ slot, before, after }];
  });
  return {
    from: a.revision,
    to: b.revision,
    options,
    catalogVersion: changed(a.catalogVersion, b.catalogVersion),
    discountPercent: changed(a.discountPercent, b.discountPercent),
    totalCents: changed(a.totalCents, b.totalCents),
    validUntil: changed(a.validUntil, b.validUntil),
  };
}

/** The differences between each revision and the next, for revisions sorted oldest first. */
export function consecutiveDiffs(revisions: readonly DiffableRevision[]): RevisionDifference[] {
  return revisions.slice(1).flatMap((b, i) => {
    const a = revisions[i];
    return a ? [diffRevisions(a, b)] : [];
  });
}

import type { Build } from '../../core/catalog/index.ts';

/** Options named per build; the rest are counted ("+3"). */
export const NAMED = 3;

export interface ShownBuild<T> {
  build: T;
  /** Option ids to name, what tells this build apart first. */
  named: string[];
  /** Options of the build not named. */
  more: number;
}

const optionsOf = (build: Build, slotOrder: readonly string[]) =>
  slotOrder.flatMap((slot) => Object.keys(build[slot] ?? {}));

/**
 * "Builds like yours" as the shopper can tell them apart: each build's options, first those that set it apart from
 * the others listed (that not all of them have) and differ from the current build, then the rest that differ from
 * it, then what it shares with it, in slot order. A build that would show the same (named options, count and
 * buyers) as one before it is left out.
 */
export function distinguish<T extends { selections: Build; buyers: number }>(
  builds: readonly T[],
  current: Build,
  slotOrder: readonly string[],
): ShownBuild<T>[] {
  const options = builds.map((b) => optionsOf(b.selections, slotOrder));
  const inAll = (id: string) => options.every((o) => o.includes(id));
  const mine = new Set(optionsOf(current, slotOrder));
  const rank = (id: string) => (mine.has(id) ? 2 : inAll(id) ? 1 : 0);
  const seen = new Set<string>();
  const shown: ShownBuild<T>[] = [];
  builds.forEach((build, i) => {
    const own = options[i] ?? [];
    // A stable sort: within a rank, slot order.
    const named = [...own].sort((a, b) => rank(a) - rank(b)).slice(0, NAMED);
    const key = `${named.join()}|${own.length}|${build.buyers}`;
    if (seen.has(key)) return;
    seen.add(key);
    shown.push({ build, named, more: own.length - named.length });
  });
  return shown;
}

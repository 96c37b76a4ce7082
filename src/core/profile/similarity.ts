/**
 * "Builds like yours": customers compared by the options they chose, as sets (Jaccard similarity). A set is what a
 * customer's builds and orders in one catalog contain; it is cheap and needs no learned state, so it also works
 * for customers who turned personalization off (their own set is not used then: see the caller).
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

export interface Candidate<T> {
  customerId: string;
  options: ReadonlySet<string>;
  item: T;
}

/**
 * The `limit` candidates most similar to `mine`, best first, at most one per customer, skipping `self` and anyone
 * with nothing in common. Ties break by customer id so the answer is stable.
 */
export function mostSimilar<T>(
  mine: ReadonlySet<string>,
  candidates: readonly Candidate<T>[],
  self: string,
  limit: number,
): { customerId: string; similarity: number; item: T }[] {
  const best = new Map<string, { customerId: string; similarity: number; item: T }>();
  for (const c of candidates) {
    if (c.customerId === self) continue;
    const similarity = jaccard(mine, c.options);
    if (similarity <= 0) continue;
    const seen = best.get(c.customerId);
    if (!seen || similarity > seen.similarity)
      best.set(c.customerId, { customerId: c.customerId, similarity, item: c.item });
  }
  return [...best.values()]
    .sort((a, b) => b.similarity - a.similarity || a.customerId.localeCompare(b.customerId))
    .slice(0, limit);
}

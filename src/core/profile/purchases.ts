/** One calendar quarter of a customer's purchases (UTC). */
export interface PurchaseQuarter {
  /** `2025-Q3`. */
  quarter: string;
  /** First day of the quarter, `2025-07-01`. */
  start: string;
  revenueCents: number;
  orders: number;
}

const quarterIndex = (date: Date) => date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);

/**
 * Revenue and order count per quarter, from the quarter of the first order through the quarter of `now`, quarters
 * without orders included as zeros (a chart's gaps are part of the story).
 * @pre every `at` and `now` parse as dates. @post sums of revenue and orders equal the input's; empty for no orders.
 * Orders after `now` extend the series to their quarter rather than being dropped.
 */
export function purchasesByQuarter(
  orders: readonly { at: string; revenueCents: number }[],
  now: string,
): PurchaseQuarter[] {
  if (orders.length === 0) return [];
  const indexes = orders.map((o) => quarterIndex(new Date(o.at)));
  const first = Math.min(...indexes);
  const last = Math.max(quarterIndex(new Date(now)), ...indexes);
  const series: PurchaseQuarter[] = [];
  for (let q = first; q <= last; q++) {
    const year = Math.floor(q / 4);
    const month = (q % 4) * 3 + 1;
    series.push({
      quarter: `${year}-Q${(q % 4) + 1}`,
      start: `${year}-${String(month).padStart(2, '0')}-01`,
      revenueCents: 0,
      orders: 0,
    });
  }
  orders.forEach((order, i) => {
    const point = series[(indexes[i] ?? first) - first];
    if (!point) return;
    point.revenueCents += order.revenueCents;
    point.orders += 1;
  });
  return series;
}

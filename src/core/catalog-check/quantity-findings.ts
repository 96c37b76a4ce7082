import type { CatalogModel } from '../configurator/compile-catalog.ts';
import type { Diagram } from '../engine/diagram.ts';
import type { Finding } from './finding.ts';
import { reachableTotals } from './reachable-totals.ts';

/**
 * Slot quantities that no valid build reaches: for each slot with quantity bounds (a single slot taken several
 * times, a multi slot's total), whether some valid build holds exactly the minimum and exactly the maximum.
 * Pre: the catalog has valid builds; `d` is its diagram.
 */
export function quantityFindings(cm: CatalogModel, d: Diagram): Finding[] {
  const findings: Finding[] = [];
  for (const vars of cm.slots) {
    const { slot } = vars;
    if (!slot.quantity) continue;
    let variables: number[];
    let min = slot.quantity.min;
    if (vars.kind === 'multi') variables = [...vars.options.values()];
    else if (vars.quantity !== undefined) {
      variables = [vars.quantity];
      min = Math.max(1, min);
    } else continue;
    const reached = reachableTotals(d, variables);
    const has = (t: number) => ((reached >> BigInt(t)) & 1n) === 1n;
    const missing = [...new Set([min, slot.quantity.max])].filter((t) => !has(t));
    if (missing.length === 0) continue;
    const seen = Array.from({ length: reached.toString(2).length }, (_, t) => t).filter(has);
    findings.push({
      kind: 'quantity-unreachable',
      severity: 'warning',
      ids: [slot.id],
      message: `slot ${slot.id} never holds ${missing.join(' or ')} in a valid build (bounds ${min}–${slot.quantity.max}; reached: ${seen.join(', ') || 'none'})`,
    });
  }
  return findings;
}

import type { Build } from '../catalog/build.ts';
import type { SoldBuilds } from '../recommend/sales.ts';
import { buildToAssignment, BuildMappingError } from './build-mapping.ts';
import type { CatalogModel } from './compile-catalog.ts';

export interface SoldConfiguration {
  readonly selections: Build;
  /** How many times it was sold. */
  readonly count: number;
}

/**
 * Sold builds of a catalog (the orders) as the recommender's training rows over the variables a user sets: every
 * option of a multi slot not in the build is a quantity 0, an optional slot left empty is "none". A configuration
 * that does not map onto this compiled catalog, or leaves a required choice open, is skipped and counted: the
 * server already drops orders the current version rejects, so a skip means the two disagree.
 */
export function soldBuildsOf(
  cm: CatalogModel,
  sales: readonly SoldConfiguration[],
): { builds: SoldBuilds; skipped: number } {
  const variables = Int32Array.from(cm.userVariables);
  const rows: number[] = [];
  let skipped = 0;
  let count = 0;
  for (const sale of sales) {
    let assignment: Map<number, number>;
    try {
      assignment = buildToAssignment(cm, sale.selections);
    } catch (error) {
      if (!(error instanceof BuildMappingError)) throw error;
      skipped++;
      continue;
    }
    for (const vars of cm.slots) {
      if (vars.kind === 'multi')
        for (const x of vars.options.values()) if (!assignment.has(x)) assignment.set(x, 0);
      if (vars.kind === 'optional' && !assignment.has(vars.choice)) assignment.set(vars.choice, 0);
    }
    const row = Array.from(variables, (x) => assignment.get(x) ?? -1);
    if (row.includes(-1)) {
      skipped++;
      continue;
    }
    for (let k = 0; k < sale.count; k++) rows.push(...row);
    count += sale.count;
  }
  return { builds: { variables, rows: Int32Array.from(rows), count }, skipped };
}

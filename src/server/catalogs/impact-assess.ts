import type { ImpactItem, ImpactReport } from '../../contract/catalog-admin.schema.ts';
import { checkBuild, impactTarget } from '../../core/catalog-diff/index.ts';
import { indexCatalog, type Build, type Catalog, type CatalogIndex } from '../../core/catalog/index.ts';

/** What is checked: a saved build, a live session (still being configured) or an open quote. */
export interface Held {
  kind: ImpactItem['kind'];
  id: string;
  owner: string | null;
  catalogVersion: string;
  build: Build;
  complete: boolean;
}

/** Everything the engine needs, read from the store on the request's thread and sent to a worker thread. */
export interface ImpactInput {
  draft: Catalog;
  held: Held[];
  /** The catalog of each version something was made on, where that version is still recorded. */
  madeOn: Record<string, Catalog>;
}

export type ImpactCounts = Omit<ImpactReport, 'draftId' | 'revision'>;

/**
 * Every held build checked against the draft (the engine's part of issue 18 §5), each priced "before" on its own
 * version. Pre: `draft` passed validateCatalog. Post: counts over everything checked; items: the invalid ones, then
 * the valid ones whose price changes. Something made on a version no longer recorded is priced "before" on the draft.
 * @throws CatalogCompileError when a rule of the draft is too large to tabulate.
 */
export function assessImpact({ draft, held, madeOn }: ImpactInput): ImpactCounts {
  const target = impactTarget(draft);
  const indexes = new Map<string, CatalogIndex>(
    Object.entries(madeOn).map(([version, catalog]) => [version, indexCatalog(catalog)]),
  );
  const invalid: ImpactItem[] = [];
  const repriced: ImpactItem[] = [];
  let valid = 0;
  for (const h of held) {
    const impact = checkBuild(target, indexes.get(h.catalogVersion) ?? target.index, h.build, h.complete);
    const item: ImpactItem = {
      kind: h.kind,
      id: h.id,
      owner: h.owner ?? 'Guest',
      catalogVersion: h.catalogVersion,
      ...impact,
    };
    if (!impact.valid) invalid.push(item);
    else {
      valid++;
      if (impact.priceAfterCents !== impact.priceBeforeCents) repriced.push(item);
    }
  }
  return {
    counts: { checked: held.length, valid, invalid: invalid.length, priceChanged: repriced.length },
    items: [...invalid, ...repriced],
  };
}

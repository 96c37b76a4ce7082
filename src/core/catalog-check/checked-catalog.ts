import type { CatalogModel } from '../configurator/compile-catalog.ts';

/** What the catalog checks share: the compiled catalog, words for its rules, and why values are excluded. */
export interface CheckedCatalog {
  readonly cm: CatalogModel;
  /** Rule, `package:<id>` or `slot:<id>` → its words. */
  readonly labelOf: (id: string) => string;
  /** The rules of a minimal explanation of why variable x never takes value v (ids as above). */
  readonly excludedBy: (x: number, v: number) => string[];
}

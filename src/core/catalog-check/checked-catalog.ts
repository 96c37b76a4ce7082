import type { CatalogModel } from '../configurator/compile-catalog.ts';
import type { Diagram } from '../engine/diagram.ts';

/** What the catalog checks share: the compiled catalog, its diagram, and words for its rules. */
export interface CheckedCatalog {
  readonly cm: CatalogModel;
  readonly d: Diagram;
  /** Rule, `package:<id>` or `slot:<id>` → its words. */
  readonly labelOf: (id: string) => string;
  /** The rules of a minimal explanation of why variable x never takes value v (ids as above). */
  readonly excludedBy: (x: number, v: number) => string[];
}

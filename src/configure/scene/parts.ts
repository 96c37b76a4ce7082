import type { Build } from '../../core/catalog/build.ts';
import type { Part, SceneCatalog } from './part-types.ts';
import { pcParts } from './pc-parts.ts';
import { carParts } from './car-parts.ts';

export type * from './part-types.ts';

/**
 * The parts to draw for `build` in `catalog` (`pc` or `car`; any other catalog draws nothing).
 * Post: ids are unique; sizes are positive metres; colours are `#rrggbb`.
 */
export function partsFor(catalog: SceneCatalog, build: Build): Part[] {
  if (catalog.id === 'pc') return pcParts(catalog, build);
  if (catalog.id === 'car') return carParts(catalog, build);
  return [];
}

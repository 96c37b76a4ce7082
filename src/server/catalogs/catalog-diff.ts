import type { CatalogDiff } from '../../contract/catalog-admin.schema.ts';
import { buildsDiff, catalogEdits } from '../../core/catalog-diff/index.ts';
import type { Catalog } from '../../core/catalog/index.ts';

/**
 * The contract's diff of two catalogs: the edits and the exact builds gained and lost (counts as decimal strings,
 * they can pass 2^53). Compiles both catalogs (and their conjunction when the rules differ): seconds on the PC
 * catalog, so the server runs it in a worker thread (diffs-in-thread.ts).
 */
export function catalogDiff(from: string, before: Catalog, to: string, after: Catalog): CatalogDiff {
  const builds = buildsDiff(before, after);
  return {
    from,
    to,
    edits: catalogEdits(before, after),
    buildsBefore: builds.buildsBefore.toString(),
    buildsAfter: builds.buildsAfter.toString(),
    gained: builds.gained.toString(),
    lost: builds.lost.toString(),
    exampleGained: builds.exampleGained,
    exampleLost: builds.exampleLost,
    effect: builds.effect,
  };
}

/** Two catalogs to compare, named as the request named them. */
export interface DiffInput {
  from: string;
  before: Catalog;
  to: string;
  after: Catalog;
}

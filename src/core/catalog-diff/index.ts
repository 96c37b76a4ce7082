export { catalogEdits } from './edits.ts';
export type { CatalogEdit } from './edit.ts';
export { buildsDiff, effectOf, type BuildsDiff, type DiffEffect } from './builds.ts';
export { checkBuild, impactTarget, type BuildImpact, type ImpactTarget } from './impact.ts';

export * from './schema.ts';
export {
  parseCatalog,
  validateCatalog,
  checkReferences,
  CatalogError,
  jsonPath,
  type CatalogProblem,
} from './load.ts';
export {
  buildSchema,
  indexCatalog,
  structuralProblems,
  quantityBounds,
  type Build,
  type BuildProblem,
  type CatalogIndex,
} from './build.ts';
export {
  violations,
  ruleHolds,
  conditionHolds,
  chosenOptions,
  describeRule,
  optionName,
  type Violation,
} from './evaluate.ts';

export * from './schema.ts';
export * from './texts.schema.ts';
export {
  catalogLanguage,
  catalogTitle,
  catalogWords,
  missingTexts,
  type CatalogWords,
  type MissingText,
  type TitledCatalog,
} from './texts.ts';
export {
  parseCatalog,
  validateCatalog,
  checkReferences,
  checkTexts,
  parseCatalogTexts,
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

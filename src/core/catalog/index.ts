export * from './schema.ts';
export { parseCatalog, validateCatalog, checkReferences, CatalogError, jsonPath, type CatalogProblem } from './load.ts';

export { issueSchema, errorResponseSchema, type Issue, type ErrorResponse } from './errors.schema.ts';
export { healthResponseSchema, type HealthResponse } from './health.schema.ts';
export {
  catalogIdSchema,
  catalogParamsSchema,
  catalogSummarySchema,
  catalogListResponseSchema,
  catalogResponseSchema,
  compiledCatalogResponseSchema,
  type CatalogParams,
  type CatalogSummary,
  type CatalogListResponse,
  type CatalogResponse,
} from './catalogs.schema.ts';
export { buildSelectionsSchema, type BuildSelections } from './builds.schema.ts';

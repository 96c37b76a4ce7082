export { checkCatalog } from './check-catalog.ts';
export { checkModel, REDUNDANCY_BUDGET_MS, EXPLAIN_BUDGET_MS, type CheckOptions } from './check-model.ts';
export { findingKinds, findingSchema, hasErrors, type Finding, type FindingKind } from './finding.ts';
export {
  checkInstance,
  instanceSummarySchema,
  type InstanceCheckOptions,
  type InstanceSummary,
} from './check-instance.ts';

import { CatalogError, validateCatalog } from '../../../core/catalog/index.ts';
import { checkCatalog } from '../../../core/catalog-check/index.ts';
import { compileCatalog } from '../../../core/configurator/compile-catalog.ts';
import { compileModel } from '../../../core/engine/compile.ts';
import { exactCount } from '../../../core/engine/count.ts';
import type { CheckReply, CheckRequest } from './check-reply.ts';

/** A shorter search for redundant rules than the CLI's: these checks rerun on every pause in typing. */
const REDUNDANCY_BUDGET_MS = 2000;

/**
 * The draft's checks, as `npm run catalog:check` makes them: validateCatalog, then the catalog compiled once for both
 * the exact count and checkCatalog. Never throws: a failure is part of the reply.
 */
export function runChecks({ seq, doc }: CheckRequest): CheckReply {
  try {
    const catalog = validateCatalog(doc, 'draft');
    const cm = compileCatalog(catalog);
    const diagram = compileModel(cm.model, { order: cm.order });
    const count = exactCount(diagram);
    const findings = checkCatalog(catalog, undefined, { diagram, redundancyBudgetMs: REDUNDANCY_BUDGET_MS });
    return { seq, issues: [], findings, buildCount: count.toString() };
  } catch (error) {
    if (error instanceof CatalogError) return { seq, issues: error.problems, findings: [], buildCount: null };
    return { seq, issues: [], findings: [], buildCount: null, failure: String(error) };
  }
}

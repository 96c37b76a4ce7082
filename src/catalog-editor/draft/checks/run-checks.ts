import { CatalogError, validateCatalog } from '../../../core/catalog/index.ts';
import { checkCatalog } from '../../../core/catalog-check/index.ts';
import { compileConfiguration } from '../../../core/configurator/configurator.ts';
import { count } from '../../../core/engine/compiled-form.ts';
import type { CheckReply, CheckRequest } from './check-reply.ts';

/** A shorter search for redundant rules than the CLI's: these checks rerun on every pause in typing. */
const REDUNDANCY_BUDGET_MS = 2000;

/**
 * The draft's checks, as `npm run catalog:check` makes them: validateCatalog, then the catalog compiled once (a
 * diagram, or a d-DNNF past the diagram's bound, as the configurator page would hold it) for both the exact count and
 * checkCatalog. Never throws: a failure is part of the reply.
 */
export function runChecks({ seq, doc }: CheckRequest): CheckReply {
  try {
    const catalog = validateCatalog(doc, 'draft');
    const configuration = compileConfiguration(catalog);
    const buildCount = count(configuration.form).toString();
    const findings = checkCatalog(catalog, undefined, {
      configuration,
      redundancyBudgetMs: REDUNDANCY_BUDGET_MS,
    });
    return { seq, issues: [], findings, buildCount, form: configuration.form.form };
  } catch (error) {
    if (error instanceof CatalogError)
      return { seq, issues: error.problems, findings: [], buildCount: null, form: null };
    return { seq, issues: [], findings: [], buildCount: null, form: null, failure: String(error) };
  }
}

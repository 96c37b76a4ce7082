import { describe, it } from 'vitest';
import { checkRuleCompiler } from '../../../../test/fixtures/rule-kind-oracle.ts';
import { compileExcludes } from './excludes.ts';

describe('compileExcludes', () => {
  it('has exactly the builds evaluate.ts accepts as solutions, on random catalogs of excludes rules only', () => {
    checkRuleCompiler('excludes', compileExcludes);
  });
});

import { describe, it } from 'vitest';
import { checkRuleCompiler } from '../../../../test/fixtures/rule-kind-oracle.ts';
import { compileResource } from './resource.ts';

describe('compileResource', () => {
  it('has exactly the builds evaluate.ts accepts as solutions, on random catalogs of resource rules only', () => {
    checkRuleCompiler('resource', compileResource);
  });
});

import { describe, it } from 'vitest';
import { checkRuleCompiler } from '../../../../test/fixtures/rule-kind-oracle.ts';
import { compileCompatible } from './compatible.ts';

describe('compileCompatible', () => {
  it('has exactly the builds evaluate.ts accepts as solutions, on random catalogs of compatible rules only', () => {
    checkRuleCompiler('compatible', compileCompatible);
  });
});

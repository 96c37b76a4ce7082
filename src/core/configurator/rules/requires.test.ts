import { describe, it } from 'vitest';
import { checkRuleCompiler } from '../../../../test/fixtures/rule-kind-oracle.ts';
import { compileRequires } from './requires.ts';

describe('compileRequires', () => {
  it('has exactly the builds evaluate.ts accepts as solutions, on random catalogs of requires rules only', () => {
    checkRuleCompiler('requires', compileRequires);
  });
});

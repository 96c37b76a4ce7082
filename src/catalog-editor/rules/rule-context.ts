import { createContext, useContext } from 'react';
import type { Catalog } from '../../core/catalog/index.ts';
import type { RuleProblem } from '../../core/catalog/rule-check.ts';
import type { RuleWords } from './use-rule-words.ts';

/** What every field of one rule's builder reads: the catalog, the words, and the rule's problems by path. */
export interface RuleContextValue {
  catalog: Catalog;
  w: RuleWords;
  problems: readonly RuleProblem[];
}

export const RuleContext = createContext<RuleContextValue | null>(null);

export function useRule(): RuleContextValue {
  const value = useContext(RuleContext);
  if (!value) throw new Error('a rule field outside a RuleBuilder');
  return value;
}

/** The problems of exactly one place of the rule (`left.attr`, `when.0.value`). */
export function useProblemsAt(path: string): RuleProblem[] {
  return useRule().problems.filter((p) => p.path === path);
}

import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogWords, type Catalog, type Rule } from '../../core/catalog/index.ts';
import { ruleSentence, type SentenceKey } from '../../core/catalog/rule-sentence.ts';
import type { RuleProblem } from '../../core/catalog/rule-check.ts';
import { useCjkFont } from '../../ui/i18n/use-cjk-font.ts';

export type EditorLanguage = 'en' | 'de' | 'zh';

/**
 * The rule builder's words in the panel's language: its interface texts (`catalogRules.*`), the catalog's words,
 * a rule as a sentence and a problem in words. The panel's language is the one being edited, whatever the page's.
 */
export function useRuleWords(catalog: Catalog, language: EditorLanguage) {
  const { t } = useTranslation(undefined, { lng: language, keyPrefix: 'catalogRules' });
  useCjkFont(language === 'zh');
  const words = useMemo(() => catalogWords(catalog, language), [catalog, language]);
  const number = useMemo(() => new Intl.NumberFormat(language, { maximumFractionDigits: 3 }), [language]);
  const sentence = useCallback(
    (rule: Rule) =>
      ruleSentence(
        {
          words,
          say: (key: SentenceKey, values) => t(`sentence.${key}`, values),
          number: (n) => number.format(n),
        },
        rule,
      ),
    [words, t, number],
  );
  const problem = useCallback(
    (p: RuleProblem) => {
      const values = { ...p.values };
      // Attribute types are words of the interface too.
      for (const side of ['left', 'right'] as const) {
        const type = values[side];
        if (type !== undefined) values[side] = t(`types.${type}`);
      }
      return t(`problem.${p.code}`, values);
    },
    [t],
  );
  return { t, words, sentence, problem, language };
}

export type RuleWords = ReturnType<typeof useRuleWords>;

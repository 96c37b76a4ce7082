import { useId, useState } from 'react';
import type { Catalog, Rule } from '../../core/catalog/index.ts';
import { ruleProblems } from '../../core/catalog/rule-check.ts';
import { freshRuleId, newRule } from '../../core/catalog/rule-vocabulary.ts';
import { RuleBuilder } from './rule-builder.tsx';
import { useRuleWords, type EditorLanguage } from './use-rule-words.ts';
import './rules.css';

const KINDS: Rule['kind'][] = ['compatible', 'resource', 'requires', 'excludes'];

/**
 * The catalog's rules, each read as a sentence, with add (by kind), edit, duplicate and delete. The panel keeps no
 * rules of its own: every edit is the whole new list through `onChange` (the draft editor owns undo and saving);
 * only which rule is open is the panel's.
 */
export function RulesPanel(props: {
  catalog: Catalog;
  onChange: (rules: Rule[]) => void;
  language: EditorLanguage;
}) {
  const { catalog, onChange, language } = props;
  const w = useRuleWords(catalog, language);
  const title = useId();
  const { rules } = catalog;
  const [open, setOpen] = useState<number | null>(null);
  const [kind, setKind] = useState<Rule['kind']>('compatible');

  const add = () => {
    onChange([...rules, newRule(catalog, kind)]);
    setOpen(rules.length);
  };
  const duplicate = (i: number) => {
    const rule = rules[i] as Rule;
    const copy = { ...structuredClone(rule), id: freshRuleId(rules, `${rule.id}-copy`.slice(0, 70)) };
    onChange([...rules.slice(0, i + 1), copy, ...rules.slice(i + 1)]);
    setOpen(i + 1);
  };
  const remove = (i: number) => {
    onChange(rules.filter((_, j) => j !== i));
    setOpen((o) => (o === null || o === i ? null : o > i ? o - 1 : o));
  };
  const edit = (i: number, rule: Rule) => onChange(rules.map((r, j) => (j === i ? rule : r)));

  return (
    <section className="rules-panel" aria-labelledby={title} lang={language}>
      <header>
        <h2 id={title}>{w.t('title')}</h2>
        <span className="rules-count">{w.t('count', { count: rules.length })}</span>
      </header>
      {rules.length === 0 && <p>{w.t('empty')}</p>}
      <ol className="rules-list">
        {rules.map((rule, i) => {
          const problems = ruleProblems(catalog, rule, i).length;
          const editing = open === i;
          return (
            <li key={i} className={editing ? 'rule-item open' : 'rule-item'}>
              <div className="rule-summary">
                <p className="rule-sentence">{w.sentence(rule)}</p>
                <code className="rule-item-id">{rule.id}</code>
                {problems > 0 && <span className="rule-badge">⚠ {w.t('problems', { count: problems })}</span>}
                <span className="rule-actions" role="group" aria-label={w.t('ruleActions', { id: rule.id })}>
                  <button type="button" aria-expanded={editing} onClick={() => setOpen(editing ? null : i)}>
                    {editing ? w.t('done') : w.t('edit')}
                  </button>
                  <button type="button" onClick={() => duplicate(i)}>
                    {w.t('duplicate')}
                  </button>
                  <button type="button" onClick={() => remove(i)}>
                    {w.t('delete')}
                  </button>
                </span>
              </div>
              {editing && (
                <RuleBuilder catalog={catalog} rule={rule} at={i} w={w} onChange={(r) => edit(i, r)} />
              )}
            </li>
          );
        })}
      </ol>
      <div className="rules-add">
        <label>
          <span>{w.t('addKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Rule['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {w.t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add}>
          + {w.t('add')}
        </button>
      </div>
    </section>
  );
}

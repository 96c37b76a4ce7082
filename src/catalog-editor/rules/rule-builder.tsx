import { useMemo } from 'react';
import type { Catalog, Rule } from '../../core/catalog/index.ts';
import { ruleProblems } from '../../core/catalog/rule-check.ts';
import { ExcludesFields, RequiresFields } from './condition-rules.tsx';
import { CompatibleFields } from './compatible-fields.tsx';
import { MessageEditor } from './message-editor.tsx';
import { ResourceFields } from './resource-fields.tsx';
import { RuleContext } from './rule-context.ts';
import { RuleIdField } from './rule-id-field.tsx';
import type { RuleWords } from './use-rule-words.ts';

/**
 * One rule edited as a sentence of fields. Every edit goes straight to `onChange` (the draft editor holds the rule);
 * what is wrong is shown at its field, computed from the rule as it stands.
 * Pre: `catalog.rules[at]` is `rule`.
 */
export function RuleBuilder(props: {
  catalog: Catalog;
  rule: Rule;
  at: number;
  w: RuleWords;
  onChange: (rule: Rule) => void;
}) {
  const { catalog, rule, at, w, onChange } = props;
  const problems = useMemo(() => ruleProblems(catalog, rule, at), [catalog, rule, at]);
  const context = useMemo(() => ({ catalog, w, problems }), [catalog, w, problems]);
  const taken = useMemo(() => catalog.rules.filter((_, i) => i !== at).map((r) => r.id), [catalog.rules, at]);
  return (
    <RuleContext.Provider value={context}>
      <section className="rule-builder" aria-label={w.t('editing', { id: rule.id })}>
        <RuleIdField id={rule.id} taken={taken} onChange={(id) => onChange({ ...rule, id })} />
        <p className="rule-reads">
          <span>{w.t('reads')}</span> {w.sentence(rule)}
        </p>
        <div className="rule-fields">
          {rule.kind === 'compatible' && <CompatibleFields rule={rule} onChange={onChange} />}
          {rule.kind === 'resource' && <ResourceFields rule={rule} onChange={onChange} />}
          {rule.kind === 'requires' && <RequiresFields rule={rule} onChange={onChange} />}
          {rule.kind === 'excludes' && <ExcludesFields rule={rule} onChange={onChange} />}
        </div>
        <MessageEditor rule={rule} at={at} onChange={onChange} />
      </section>
    </RuleContext.Provider>
  );
}

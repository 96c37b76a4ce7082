import type { Condition, Rule } from '../../core/catalog/index.ts';
import { firstCondition } from '../../core/catalog/rule-vocabulary.ts';
import { ConditionEditor } from './condition-editor.tsx';
import { ProblemsAt } from './problems.tsx';
import { useRule } from './rule-context.ts';
import { Sentence } from './sentence.tsx';

/** Conditions joined by "and", each removable down to the rule's minimum. */
function ConditionList(props: {
  conditions: readonly Condition[];
  min: number;
  onChange: (conditions: Condition[]) => void;
  path: string;
}) {
  const { catalog, w } = useRule();
  const { conditions, onChange, path } = props;
  const set = (i: number, c: Condition) => onChange(conditions.map((old, j) => (j === i ? c : old)));
  const last = conditions.at(-1)?.slot ?? catalog.slots[0]?.id ?? '';
  const next =
    catalog.slots[(catalog.slots.findIndex((s) => s.id === last) + 1) % catalog.slots.length]?.id ?? last;
  return (
    <span className="rule-conditions">
      <ol aria-label={w.t('conditions')}>
        {conditions.map((c, i) => (
          <li key={i}>
            <ConditionEditor condition={c} onChange={(c2) => set(i, c2)} path={`${path}.${i}`} />
            {conditions.length > props.min && (
              <button
                type="button"
                className="rule-remove"
                aria-label={w.t('removeCondition', { n: i + 1 })}
                onClick={() => onChange(conditions.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...conditions, firstCondition(catalog, next)])}>
        + {w.t('addCondition')}
      </button>
      <ProblemsAt path={path} />
    </span>
  );
}

export function RequiresFields(props: {
  rule: Extract<Rule, { kind: 'requires' }>;
  onChange: (r: Rule) => void;
}) {
  const { w } = useRule();
  const { rule, onChange } = props;
  return (
    <Sentence
      template={w.t('builder.requires')}
      parts={{
        when: (
          <ConditionList
            conditions={rule.when}
            min={1}
            onChange={(when) => onChange({ ...rule, when })}
            path="when"
          />
        ),
        then: (
          <ConditionEditor
            condition={rule.then}
            onChange={(then) => onChange({ ...rule, then })}
            path="then"
          />
        ),
      }}
    />
  );
}

export function ExcludesFields(props: {
  rule: Extract<Rule, { kind: 'excludes' }>;
  onChange: (r: Rule) => void;
}) {
  const { w } = useRule();
  const { rule, onChange } = props;
  return (
    <Sentence
      template={w.t('builder.excludes')}
      parts={{
        all: (
          <ConditionList
            conditions={rule.all}
            min={2}
            onChange={(all) => onChange({ ...rule, all })}
            path="all"
          />
        ),
      }}
    />
  );
}

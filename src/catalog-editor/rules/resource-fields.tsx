import type { AttrRef, Rule } from '../../core/catalog/index.ts';
import { RESOURCE_OPS, slotAttributes } from '../../core/catalog/rule-vocabulary.ts';
import { AttrRefFields } from './attr-ref-fields.tsx';
import { OpPicker, Select } from './pickers.tsx';
import { ProblemsAt } from './problems.tsx';
import { useProblemsAt, useRule } from './rule-context.ts';
import { Sentence } from './sentence.tsx';

type ResourceRule = Extract<Rule, { kind: 'resource' }>;

/** A number field that reports NaN while empty (a problem shown, never a crash). */
function NumberField(props: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  path: string;
  step?: string;
}) {
  const invalid = useProblemsAt(props.path).length > 0;
  return (
    <>
      <input
        type="number"
        step={props.step ?? 'any'}
        aria-label={props.label}
        aria-invalid={invalid || undefined}
        value={Number.isFinite(props.value) ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      <ProblemsAt path={props.path} />
    </>
  );
}

/** Σ attribute × quantity over the parts, compared with a constant or factor × an attribute of a slot's option. */
export function ResourceFields(props: { rule: ResourceRule; onChange: (r: Rule) => void }) {
  const { catalog, w } = useRule();
  const { rule, onChange } = props;
  const setSum = (sum: AttrRef[]) => onChange({ ...rule, sum });
  const attr = rule.sum[0]?.attr ?? '';
  const unit = w.words.attributeUnit(attr);
  const limitKind = typeof rule.limit === 'number' ? 'constant' : 'slot';
  const toKind = (kind: string) => {
    if (kind === 'constant') return onChange({ ...rule, limit: 0 });
    const slot = catalog.slots.find((s) => slotAttributes(catalog, s.id, 'number').length > 0)?.id ?? '';
    onChange({ ...rule, limit: { slot, attr: slotAttributes(catalog, slot, 'number')[0] ?? '', factor: 1 } });
  };
  const sum = (
    <span className="rule-conditions">
      <ol aria-label={w.t('conditions')}>
        {rule.sum.map((ref, i) => (
          <li key={i}>
            <AttrRefFields
              value={ref}
              type="number"
              onChange={(r) => setSum(rule.sum.map((old, j) => (j === i ? r : old)))}
              path={`sum.${i}`}
            />
            {rule.sum.length > 1 && (
              <button
                type="button"
                className="rule-remove"
                aria-label={w.t('removePart', { n: i + 1 })}
                onClick={() => setSum(rule.sum.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => setSum([...rule.sum, { ...(rule.sum.at(-1) ?? { slot: '', attr }) }])}
      >
        + {w.t('addPart')}
      </button>
    </span>
  );
  const limit = (
    <span className="rule-limit">
      <Select
        label={w.t('limitKind')}
        value={limitKind}
        choices={(['constant', 'slot'] as const).map((k) => ({ value: k, label: w.t(`limitKinds.${k}`) }))}
        onChange={toKind}
        path="limit.kind"
      />
      {typeof rule.limit === 'number' ? (
        <span className="rule-number">
          <NumberField
            label={unit ? `${w.t('limit')} (${unit})` : w.t('limit')}
            value={rule.limit}
            onChange={(n) => onChange({ ...rule, limit: n })}
            path="limit"
          />
          {unit && <span aria-hidden="true">{unit}</span>}
        </span>
      ) : (
        <LimitSlot rule={rule} limit={rule.limit} onChange={onChange} />
      )}
    </span>
  );
  return (
    <Sentence
      template={w.t('builder.resource')}
      parts={{
        sum,
        op: (
          <OpPicker
            ops={RESOURCE_OPS}
            value={rule.op}
            onChange={(op) => onChange({ ...rule, op })}
            path="op"
          />
        ),
        limit,
      }}
    />
  );
}

function LimitSlot(props: {
  rule: ResourceRule;
  limit: AttrRef & { factor: number };
  onChange: (r: Rule) => void;
}) {
  const { w } = useRule();
  const { rule, limit, onChange } = props;
  return (
    <Sentence
      template={w.t('builder.limitSlot')}
      parts={{
        factor: (
          <NumberField
            label={w.t('factor')}
            value={limit.factor}
            step="0.05"
            onChange={(factor) => onChange({ ...rule, limit: { ...limit, factor } })}
            path="limit.factor"
          />
        ),
        ref: (
          <AttrRefFields
            value={limit}
            type="number"
            onChange={(ref) => onChange({ ...rule, limit: { ...ref, factor: limit.factor } })}
            path="limit"
          />
        ),
      }}
    />
  );
}

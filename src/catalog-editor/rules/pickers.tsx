import type { AttributeDef, AttributeValue, Comparison } from '../../core/catalog/index.ts';
import { slotAttributes } from '../../core/catalog/rule-vocabulary.ts';
import { ProblemsAt } from './problems.tsx';
import { useProblemsAt, useRule } from './rule-context.ts';

interface Choice {
  value: string;
  label: string;
}

/** A labelled select; a value not among the choices (a slot since deleted) stays shown, as itself, so it can be fixed. */
export function Select(props: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  path: string;
}) {
  const invalid = useProblemsAt(props.path).length > 0;
  const known = props.choices.some((c) => c.value === props.value);
  return (
    <>
      <select
        aria-label={props.label}
        aria-invalid={invalid || undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {!known && <option value={props.value}>{props.value || '—'}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <ProblemsAt path={props.path} />
    </>
  );
}

export function SlotPicker(props: { value: string; onChange: (slot: string) => void; path: string }) {
  const { catalog, w } = useRule();
  const choices = catalog.slots.map((s) => ({ value: s.id, label: w.words.slotName(s.id) }));
  return <Select label={w.t('slot')} choices={choices} {...props} />;
}

export function OptionPicker(props: {
  slot: string;
  value: string;
  onChange: (o: string) => void;
  path: string;
}) {
  const { catalog, w } = useRule();
  const slot = catalog.slots.find((s) => s.id === props.slot);
  const choices = (slot?.options ?? []).map((o) => ({ value: o.id, label: w.words.optionName(o.id) }));
  return <Select label={w.t('option')} choices={choices} {...props} />;
}

/** The attributes the chosen slot's options carry (of one type, where the rule needs numbers). */
export function AttrPicker(props: {
  slot: string;
  value: string;
  type?: AttributeDef['type'];
  onChange: (attr: string) => void;
  path: string;
}) {
  const { catalog, w } = useRule();
  const choices = slotAttributes(catalog, props.slot, props.type).map((a) => ({
    value: a,
    label: w.words.attributeLabel(a),
  }));
  return <Select label={w.t('attr')} choices={choices} {...props} />;
}

const OP_KEY: Record<Comparison, string> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};

export function OpPicker<Op extends Comparison>(props: {
  ops: readonly Op[];
  value: Op;
  onChange: (op: Op) => void;
  path: string;
}) {
  const { w } = useRule();
  const choices = props.ops.map((op) => ({ value: op, label: w.t(`ops.${OP_KEY[op]}`) }));
  return (
    <Select
      label={w.t('op')}
      value={props.value}
      choices={choices}
      onChange={(v) => props.onChange(v as Op)}
      path={props.path}
    />
  );
}

/** A value typed by its attribute: enum values and labelled numbers as a select, numbers with their unit, yes/no. */
export function ValueInput(props: {
  attr: string;
  value: AttributeValue;
  onChange: (v: AttributeValue) => void;
  path: string;
}) {
  const { catalog, w } = useRule();
  const invalid = useProblemsAt(props.path).length > 0;
  const def = catalog.attributes[props.attr];
  const label = w.t('value');
  if (def?.type === 'enum' || def?.type === 'boolean' || (def?.type === 'number' && def.valueLabels)) {
    const values: AttributeValue[] =
      def.type === 'enum'
        ? def.values
        : def.type === 'boolean'
          ? [true, false]
          : Object.keys(def.valueLabels ?? {}).map(Number);
    const choices = values.map((v) => ({
      value: JSON.stringify(v),
      label: w.words.attributeValue(props.attr, v),
    }));
    return (
      <Select
        label={label}
        value={JSON.stringify(props.value)}
        choices={choices}
        onChange={(v) => props.onChange(JSON.parse(v) as AttributeValue)}
        path={props.path}
      />
    );
  }
  const unit = w.words.attributeUnit(props.attr);
  return (
    <span className="rule-number">
      <input
        type="number"
        aria-label={unit ? `${label} (${unit})` : label}
        aria-invalid={invalid || undefined}
        value={typeof props.value === 'number' && Number.isFinite(props.value) ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      {unit && <span aria-hidden="true">{unit}</span>}
      <ProblemsAt path={props.path} />
    </span>
  );
}

import type { Catalog, Condition } from '../../core/catalog/index.ts';
import {
  comparisonsFor,
  firstCondition,
  firstValue,
  slotAttributes,
} from '../../core/catalog/rule-vocabulary.ts';
import { AttrPicker, OpPicker, OptionPicker, Select, SlotPicker, ValueInput } from './pickers.tsx';
import { ProblemsAt } from './problems.tsx';
import { useRule } from './rule-context.ts';
import { Sentence } from './sentence.tsx';

type Form = 'option' | 'anyOf' | 'attr' | 'empty' | 'chosen';

function formOf(c: Condition): Form {
  if ('option' in c) return 'option';
  if ('anyOf' in c) return 'anyOf';
  if ('empty' in c) return c.empty ? 'empty' : 'chosen';
  return 'attr';
}

/** The condition of a form on a slot, keeping what carries over (the option chosen, the attribute). */
function withForm(catalog: Catalog, c: Condition, form: Form): Condition {
  const slot = c.slot;
  const option = 'option' in c ? c.option : 'anyOf' in c ? c.anyOf[0] : undefined;
  switch (form) {
    case 'option':
      return option ? { slot, option } : firstCondition(catalog, slot);
    case 'anyOf':
      return { slot, anyOf: option ? [option] : [] };
    case 'empty':
    case 'chosen':
      return { slot, empty: form === 'empty' };
    case 'attr': {
      const attr = slotAttributes(catalog, slot)[0] ?? '';
      return { slot, attr, op: '==', value: firstValue(catalog, slot, attr) };
    }
  }
}

/** One condition as a phrase: slot, what is asked of it (an option, one of some, an attribute, empty or chosen). */
export function ConditionEditor(props: {
  condition: Condition;
  onChange: (c: Condition) => void;
  path: string;
}) {
  const { catalog, w } = useRule();
  const { condition: c, onChange, path } = props;
  const form = formOf(c);
  const single = catalog.slots.find((s) => s.id === c.slot)?.kind === 'single';
  const forms = (['option', 'anyOf', 'attr', 'empty', 'chosen'] as const)
    .filter((f) => !single || (f !== 'empty' && f !== 'chosen') || f === form)
    .map((f) => ({ value: f, label: w.t(`forms.${f}`) }));
  const slotChanged = (slot: string) => onChange(withForm(catalog, { ...c, slot } as Condition, form));
  return (
    <span className="rule-condition">
      <SlotPicker value={c.slot} onChange={slotChanged} path={`${path}.slot`} />
      <Select
        label={w.t('form', { slot: w.words.slotName(c.slot) })}
        value={form}
        choices={forms}
        onChange={(f) => onChange(withForm(catalog, c, f as Form))}
        path={`${path}.empty`}
      />
      {'option' in c && (
        <OptionPicker
          slot={c.slot}
          value={c.option}
          onChange={(option) => onChange({ slot: c.slot, option })}
          path={`${path}.option`}
        />
      )}
      {'anyOf' in c && (
        <AnyOf
          slot={c.slot}
          value={c.anyOf}
          onChange={(anyOf) => onChange({ slot: c.slot, anyOf })}
          path={path}
        />
      )}
      {'attr' in c && (
        <Sentence
          template={w.t('builder.attrCondition')}
          parts={{
            attr: (
              <AttrPicker
                slot={c.slot}
                value={c.attr}
                onChange={(attr) =>
                  onChange({ ...c, attr, value: firstValue(catalog, c.slot, attr), op: '==' })
                }
                path={`${path}.attr`}
              />
            ),
            op: (
              <OpPicker
                ops={comparisonsFor(catalog.attributes[c.attr])}
                value={c.op}
                onChange={(op) => onChange({ ...c, op })}
                path={`${path}.op`}
              />
            ),
            value: (
              <ValueInput
                attr={c.attr}
                value={c.value}
                onChange={(value) => onChange({ ...c, value })}
                path={`${path}.value`}
              />
            ),
          }}
        />
      )}
    </span>
  );
}

/** Options of a slot as checkboxes (any of them meets the condition). */
function AnyOf(props: {
  slot: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  path: string;
}) {
  const { catalog, w } = useRule();
  const options = catalog.slots.find((s) => s.id === props.slot)?.options ?? [];
  const toggle = (id: string, on: boolean) =>
    props.onChange(options.map((o) => o.id).filter((o) => (o === id ? on : props.value.includes(o))));
  return (
    <fieldset className="rule-any-of">
      <legend>{w.t('options')}</legend>
      {options.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            checked={props.value.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
          />
          {w.words.optionName(o.id)}
        </label>
      ))}
      <ProblemsAt path={`${props.path}.anyOf`} />
    </fieldset>
  );
}

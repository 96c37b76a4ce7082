import type { AttributeDef, AttrRef } from '../../core/catalog/index.ts';
import { slotAttributes } from '../../core/catalog/rule-vocabulary.ts';
import { AttrPicker, SlotPicker } from './pickers.tsx';
import { useRule } from './rule-context.ts';
import { Sentence } from './sentence.tsx';

/**
 * A slot and one of its options' attributes. Changing the slot keeps the attribute where the new slot's options
 * carry it, else takes the new slot's first attribute of the same type (the comparison or sum stays meaningful).
 */
export function AttrRefFields(props: {
  value: AttrRef;
  onChange: (ref: AttrRef) => void;
  path: string;
  type?: AttributeDef['type'];
}) {
  const { catalog, w } = useRule();
  const { value, onChange, path } = props;
  const moveTo = (slot: string) => {
    const carried = slotAttributes(catalog, slot, props.type);
    if (carried.includes(value.attr)) return onChange({ ...value, slot });
    const type = props.type ?? catalog.attributes[value.attr]?.type;
    const sameType = slotAttributes(catalog, slot, type);
    onChange({ ...value, slot, attr: sameType[0] ?? carried[0] ?? '' });
  };
  return (
    <span className="rule-attr-ref">
      <Sentence
        template={w.t('builder.attrRef')}
        parts={{
          slot: <SlotPicker value={value.slot} onChange={moveTo} path={`${path}.slot`} />,
          attr: (
            <AttrPicker
              slot={value.slot}
              value={value.attr}
              type={props.type}
              onChange={(attr) => onChange({ ...value, attr })}
              path={`${path}.attr`}
            />
          ),
        }}
      />
    </span>
  );
}

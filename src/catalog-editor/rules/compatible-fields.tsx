import type { Rule } from '../../core/catalog/index.ts';
import { comparisonsFor } from '../../core/catalog/rule-vocabulary.ts';
import { AttrRefFields } from './attr-ref-fields.tsx';
import { OpPicker } from './pickers.tsx';
import { useRule } from './rule-context.ts';
import { Sentence } from './sentence.tsx';

/** left slot's attribute, comparison, right slot's attribute: any attributes may be picked, mismatches are shown. */
export function CompatibleFields(props: {
  rule: Extract<Rule, { kind: 'compatible' }>;
  onChange: (r: Rule) => void;
}) {
  const { catalog, w } = useRule();
  const { rule, onChange } = props;
  return (
    <Sentence
      template={w.t('builder.compatible')}
      parts={{
        left: (
          <AttrRefFields value={rule.left} onChange={(left) => onChange({ ...rule, left })} path="left" />
        ),
        op: (
          <OpPicker
            ops={comparisonsFor(catalog.attributes[rule.left.attr])}
            value={rule.op}
            onChange={(op) => onChange({ ...rule, op })}
            path="op"
          />
        ),
        right: (
          <AttrRefFields value={rule.right} onChange={(right) => onChange({ ...rule, right })} path="right" />
        ),
      }}
    />
  );
}

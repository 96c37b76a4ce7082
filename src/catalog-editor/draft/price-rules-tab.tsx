import { useTranslation } from 'react-i18next';
import type { Condition, PriceRule } from '../../core/catalog/index.ts';
import { addListItem, setListItem } from '../../core/catalog-edit/edits.ts';
import { useDoc, useEdit } from './document-context.tsx';
import { useEditorUi } from './editor-ui.store.ts';
import { IdField, NumberField, TextField } from './fields.tsx';
import { OptionPicker } from './option-picker.tsx';

/** One condition: "slot is option" is edited here; the others (one of, attribute tests, empty) are read as written. */
function ConditionRow({ c, onChange }: { c: Condition; onChange: (c: Condition) => void }) {
  const { t } = useTranslation();
  if ('option' in c) return <OptionPicker value={c} onChange={onChange} />;
  const text =
    'anyOf' in c
      ? `${c.slot} ${t('catalogDraft.condition.anyOf')} ${c.anyOf.join(', ')}`
      : 'attr' in c
        ? `${c.slot}.${c.attr} ${c.op} ${String(c.value)}`
        : `${c.slot} ${c.empty ? '= ∅' : '≠ ∅'}`;
  return <span className="mono small">{t('catalogDraft.condition.other', { text })}</span>;
}

/** Surcharges and discounts: label, conditions, amount. */
export function PriceRulesTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  const focus = useEditorUi((s) => s.focus);
  const first = { slot: doc.slots[0]?.id ?? '', option: doc.slots[0]?.options[0]?.id ?? '' };
  return (
    <div className="stack">
      {doc.priceRules.map((r) => {
        const put = (next: PriceRule) => edit((d) => setListItem(d, 'priceRules', r.id, next));
        return (
          <fieldset key={r.id} className={`card${focus === r.id ? ' focused' : ''}`}>
            <div className="row-form">
              <IdField kind="priceRule" id={r.id} />
              <TextField
                label={t('catalogDraft.field.label')}
                value={r.label}
                group={`price:${r.id}:label`}
                apply={(d, label) => setListItem(d, 'priceRules', r.id, { ...r, label })}
              />
              <NumberField
                label={t('catalogDraft.field.amount')}
                value={r.amount}
                group={`price:${r.id}:amount`}
                apply={(d, amount) => setListItem(d, 'priceRules', r.id, { ...r, amount: amount ?? 0 })}
              />
            </div>
            <div className="field">
              <span className="field-label">{t('catalogDraft.field.conditions')}</span>
              <ul className="stack">
                {r.when.map((c, i) => (
                  <li key={i}>
                    <ConditionRow
                      c={c}
                      onChange={(v) => put({ ...r, when: r.when.map((x, j) => (j === i ? v : x)) })}
                    />
                    <button
                      type="button"
                      className="secondary small"
                      disabled={r.when.length < 2}
                      onClick={() => put({ ...r, when: r.when.filter((_, j) => j !== i) })}
                    >
                      {t('catalogDraft.remove')}
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="secondary small"
                onClick={() => put({ ...r, when: [...r.when, first] })}
              >
                {t('catalogDraft.addCondition')}
              </button>
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() => edit((d) => setListItem(d, 'priceRules', r.id, undefined))}
            >
              {t('catalogDraft.remove')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          edit((d) =>
            addListItem(d, 'priceRules', (id) => ({ id, label: id, when: [first], amount: 0 }), 'price-rule'),
          )
        }
      >
        {t('catalogDraft.addPriceRule')}
      </button>
    </div>
  );
}

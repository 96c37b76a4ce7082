import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { catalogLanguage, type PriceRule } from '../../core/catalog/index.ts';
import { addListItem, setListItem } from '../../core/catalog-edit/edits.ts';
import { useDoc, useEdit } from './document-context.tsx';
import { useEditorUi } from './editor-ui.store.ts';
import { IdField, NumberField, TextField } from './fields.tsx';
import { ItemList } from './item-list.tsx';
import { ConditionEditor } from '../rules/condition-editor.tsx';
import { RuleContext } from '../rules/rule-context.ts';
import { useRuleWords } from '../rules/use-rule-words.ts';

/**
 * The rule builder's condition phrases (an option, one of some, an attribute test, empty or chosen), in the page's
 * language: a price rule's conditions are the same conditions as a rule's.
 */
function ConditionWords({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  const doc = useDoc();
  const w = useRuleWords(doc, catalogLanguage(i18n.language));
  const context = useMemo(() => ({ catalog: doc, w, problems: [] }), [doc, w]);
  return <RuleContext.Provider value={context}>{children}</RuleContext.Provider>;
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
              <ConditionWords>
                <ItemList
                  items={r.when}
                  onChange={(when) => put({ ...r, when })}
                  added={() => first}
                  addLabel={t('catalogDraft.addCondition')}
                >
                  {(c, i, replace) => <ConditionEditor condition={c} path={`when.${i}`} onChange={replace} />}
                </ItemList>
              </ConditionWords>
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

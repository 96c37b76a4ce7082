import { useTranslation } from 'react-i18next';
import type { Package } from '../../core/catalog/index.ts';
import { addListItem, setListItem } from '../../core/catalog-edit/edits.ts';
import { useDoc, useEdit } from './document-context.tsx';
import { useEditorUi } from './editor-ui.store.ts';
import { IdField } from './fields.tsx';
import { ItemList } from './item-list.tsx';
import { OptionPicker } from './option-picker.tsx';

/** Bundles: the option that is the package, and the options it includes (priced at zero). */
export function PackagesTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  const focus = useEditorUi((s) => s.focus);
  const first = { slot: doc.slots[0]?.id ?? '', option: doc.slots[0]?.options[0]?.id ?? '' };
  return (
    <div className="stack">
      {doc.packages.map((p) => {
        const put = (next: Package) => edit((d) => setListItem(d, 'packages', p.id, next));
        return (
          <fieldset key={p.id} className={`card${focus === p.id ? ' focused' : ''}`}>
            <IdField kind="package" id={p.id} />
            <div className="field">
              <span className="field-label">{t('catalogDraft.field.packageOption')}</span>
              <OptionPicker value={p.option} onChange={(option) => put({ ...p, option })} />
            </div>
            <div className="field">
              <span className="field-label">{t('catalogDraft.field.includes')}</span>
              <ItemList
                items={p.includes}
                onChange={(includes) => put({ ...p, includes })}
                added={() => first}
                addLabel={t('catalogDraft.addInclude')}
              >
                {(inc, _, replace) => <OptionPicker value={inc} onChange={replace} />}
              </ItemList>
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() => edit((d) => setListItem(d, 'packages', p.id, undefined))}
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
            addListItem(d, 'packages', (id) => ({ id, option: first, includes: [first] }), 'package'),
          )
        }
      >
        {t('catalogDraft.addPackage')}
      </button>
    </div>
  );
}

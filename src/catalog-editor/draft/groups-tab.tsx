import { useTranslation } from 'react-i18next';
import { addListItem, setListItem } from '../../core/catalog-edit/edits.ts';
import { useDoc, useEdit } from './document-context.tsx';
import { IdField, TextField } from './fields.tsx';

/** The steps slots are shown in: id and name. */
export function GroupsTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  return (
    <div className="stack">
      {doc.groups.map((g) => (
        <fieldset key={g.id} className="card row-form">
          <IdField kind="group" id={g.id} />
          <TextField
            label={t('catalogDraft.field.name')}
            value={g.name}
            group={`group:${g.id}:name`}
            apply={(d, name) => setListItem(d, 'groups', g.id, { ...g, name })}
          />
          <button
            type="button"
            className="secondary"
            disabled={doc.slots.some((s) => s.group === g.id)}
            onClick={() => edit((d) => setListItem(d, 'groups', g.id, undefined))}
          >
            {t('catalogDraft.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => edit((d) => addListItem(d, 'groups', (id) => ({ id, name: id }), 'group'))}
      >
        {t('catalogDraft.addGroup')}
      </button>
    </div>
  );
}

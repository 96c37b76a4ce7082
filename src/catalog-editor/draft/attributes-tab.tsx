import { useTranslation } from 'react-i18next';
import type { AttributeDef } from '../../core/catalog/index.ts';
import { freshId, setAttribute } from '../../core/catalog-edit/edits.ts';
import { useDoc, useEdit } from './document-context.tsx';
import { useEditorUi } from './editor-ui.store.ts';
import { IdField, SelectField, TextField } from './fields.tsx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "2 = Micro-ATX" lines ↔ a number attribute's value labels. */
const labelsText = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');
const parseLabels = (text: string) =>
  Object.fromEntries(
    lines(text).flatMap((l) => {
      const m = /^(-?\d+(?:\.\d+)?)\s*=\s*(.+)$/.exec(l);
      return m ? [[m[1] as string, (m[2] as string).trim()]] : [];
    }),
  );

/** Retyping keeps the label: a number's unit and labels, or an enum's values, start empty (one value). */
function retype(def: AttributeDef, type: AttributeDef['type']): AttributeDef {
  if (type === 'number') return { type, label: def.label };
  if (type === 'enum') return { type, label: def.label, values: ['a'] };
  return { type, label: def.label };
}

/** The attributes options carry and rules read: label, type, unit, enum values, number value labels. */
export function AttributesTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  const focus = useEditorUi((s) => s.focus);
  return (
    <div className="stack">
      {Object.entries(doc.attributes).map(([name, def]) => {
        const set = (next: AttributeDef) => (d: typeof doc) => setAttribute(d, name, next);
        return (
          <fieldset key={name} className={`card row-form${focus === name ? ' focused' : ''}`}>
            <IdField kind="attribute" id={name} />
            <TextField
              label={t('catalogDraft.field.label')}
              value={def.label}
              group={`attr:${name}:label`}
              apply={(d, label) => set({ ...def, label })(d)}
            />
            <SelectField
              label={t('catalogDraft.field.type')}
              value={def.type}
              choices={(['number', 'enum', 'boolean'] as const).map((x) => ({
                value: x,
                label: t(`catalogDraft.type.${x}`),
              }))}
              group={`attr:${name}:type`}
              apply={(d, type) => set(retype(def, type))(d)}
            />
            {def.type === 'number' && (
              <>
                <TextField
                  label={t('catalogDraft.field.unit')}
                  value={def.unit ?? ''}
                  group={`attr:${name}:unit`}
                  apply={(d, unit) => set({ ...def, unit: unit === '' ? undefined : unit })(d)}
                />
                <TextField
                  label={t('catalogDraft.field.valueLabels')}
                  value={labelsText(def.valueLabels)}
                  multiline
                  group={`attr:${name}:labels`}
                  apply={(d, text) => {
                    const valueLabels = parseLabels(text);
                    return set({
                      ...def,
                      valueLabels: Object.keys(valueLabels).length ? valueLabels : undefined,
                    })(d);
                  }}
                />
              </>
            )}
            {def.type === 'enum' && (
              <TextField
                label={t('catalogDraft.field.values')}
                value={def.values.join('\n')}
                multiline
                group={`attr:${name}:values`}
                apply={(d, text) => set({ ...def, values: lines(text) })(d)}
              />
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => edit((d) => setAttribute(d, name, undefined))}
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
            setAttribute(d, freshId(new Set(Object.keys(d.attributes)), 'attribute'), {
              type: 'number',
              label: 'Attribute',
            }),
          )
        }
      >
        {t('catalogDraft.addAttribute')}
      </button>
    </div>
  );
}

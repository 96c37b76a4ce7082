import { useTranslation } from 'react-i18next';
import type { Slot } from '../../core/catalog/index.ts';
import { removeSlot, setSlotField } from '../../core/catalog-edit/edits.ts';
import { AddSlotForm } from './add-slot-form.tsx';
import { useDoc, useEdit } from './document-context.tsx';
import { useEditorUi } from './editor-ui.store.ts';
import { IdField, NumberField, SelectField, TextField } from './fields.tsx';

const kinds = ['single', 'optional', 'multi'] as const;

/** Quantity bounds from the two fields: none when both are empty. */
const quantity = (slot: Slot, end: 'min' | 'max', n: number | undefined): Slot['quantity'] => {
  const q = {
    min: slot.quantity?.min ?? (slot.kind === 'single' ? 1 : 0),
    max: slot.quantity?.max ?? 1,
    [end]: n,
  };
  return q.min === undefined && q.max === undefined ? undefined : { min: q.min ?? 0, max: q.max ?? 1 };
};

function SlotForm({ slot }: { slot: Slot }) {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  const focus = useEditorUi((s) => s.focus);
  const g = `slot:${slot.id}`;
  return (
    <fieldset className={`card row-form${focus === slot.id ? ' focused' : ''}`} id={`slot-${slot.id}`}>
      <legend>{slot.name}</legend>
      <IdField kind="slot" id={slot.id} />
      <TextField
        label={t('catalogDraft.field.name')}
        value={slot.name}
        group={`${g}:name`}
        apply={(d, v) => setSlotField(d, slot.id, 'name', v)}
      />
      <SelectField
        label={t('catalogDraft.field.group')}
        value={slot.group}
        choices={doc.groups.map((x) => ({ value: x.id, label: x.name }))}
        group={`${g}:group`}
        apply={(d, v) => setSlotField(d, slot.id, 'group', v)}
      />
      <SelectField
        label={t('catalogDraft.field.kind')}
        value={slot.kind}
        choices={kinds.map((k) => ({ value: k, label: t(`catalogDraft.kind.${k}`) }))}
        group={`${g}:kind`}
        apply={(d, v) => setSlotField(d, slot.id, 'kind', v)}
      />
      {slot.kind !== 'optional' && (
        <>
          <NumberField
            label={t('catalogDraft.field.quantityMin')}
            value={slot.quantity?.min}
            optional
            group={`${g}:qmin`}
            apply={(d, v) => setSlotField(d, slot.id, 'quantity', quantity(slot, 'min', v))}
          />
          <NumberField
            label={t('catalogDraft.field.quantityMax')}
            value={slot.quantity?.max}
            optional
            group={`${g}:qmax`}
            apply={(d, v) => setSlotField(d, slot.id, 'quantity', quantity(slot, 'max', v))}
          />
        </>
      )}
      <button type="button" className="secondary" onClick={() => edit((d) => removeSlot(d, slot.id))}>
        {t('catalogDraft.remove')}
      </button>
    </fieldset>
  );
}

/** Every slot's fields, and a form for a new one. */
export function SlotsTab() {
  const doc = useDoc();
  const setSlot = useEditorUi((s) => s.setSlot);
  return (
    <div className="stack">
      {doc.slots.map((s) => (
        <SlotForm key={s.id} slot={s} />
      ))}
      <AddSlotForm onAdded={setSlot} />
    </div>
  );
}

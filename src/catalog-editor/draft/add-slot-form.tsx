import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { addSlot, idTaken } from '../../core/catalog-edit/edits.ts';
import { useDoc, useEdit } from './document-context.tsx';

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/** A new slot: a form of its own (react-hook-form) since nothing enters the document until it is complete. */
export function AddSlotForm({ onAdded }: { onAdded: (slotId: string) => void }) {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  const schema = z.object({
    id: z
      .string()
      .regex(ID, t('catalogDraft.rename.pattern'))
      .refine((id) => !idTaken(doc, 'slot', id), t('catalogDraft.rename.taken')),
    name: z.string().trim().min(1),
    group: z.string().min(1),
    kind: z.enum(['single', 'optional', 'multi']),
  });
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { id: '', name: '', group: doc.groups[0]?.id ?? '', kind: 'single' as const },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((slot) => {
    edit((d) => addSlot(d, slot, t('catalogDraft.newOption')));
    form.reset();
    onAdded(slot.id);
  });
  return (
    <form className="card row-form" onSubmit={(e) => void submit(e)} aria-label={t('catalogDraft.addSlot')}>
      <label className="field">
        <span className="field-label">{t('catalogDraft.field.id')}</span>
        <input className="mono" {...form.register('id')} aria-invalid={errors.id ? true : undefined} />
        {errors.id && <small className="field-error">{errors.id.message}</small>}
      </label>
      <label className="field">
        <span className="field-label">{t('catalogDraft.field.name')}</span>
        <input {...form.register('name')} aria-invalid={errors.name ? true : undefined} />
      </label>
      <label className="field">
        <span className="field-label">{t('catalogDraft.field.group')}</span>
        <select {...form.register('group')}>
          {doc.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('catalogDraft.field.kind')}</span>
        <select {...form.register('kind')}>
          {(['single', 'optional', 'multi'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`catalogDraft.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('catalogDraft.addSlot')}</button>
      <small className="field-hint">{t('catalogDraft.newSlotHint')}</small>
    </form>
  );
}

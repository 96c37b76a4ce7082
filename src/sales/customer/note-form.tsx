import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddNote } from './api.ts';

/** A call or store-visit note; internal unless the staff member ticks "share with the customer". */
export function NoteForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const add = useAddNote(customerId);
  const [kind, setKind] = useState<'store.visit' | 'call'>('store.visit');
  const [note, setNote] = useState('');
  const [shared, setShared] = useState(false);
  const ids = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { kind, note, shared },
      {
        onSuccess: () => {
          setNote('');
          setShared(false);
        },
      },
    );
  };
  return (
    <section className="glance-card glance-note" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('storeGlance.note.title')}</h2>
      <form onSubmit={submit}>
        <fieldset className="segmented-radio">
          <legend>{t('storeGlance.note.kind')}</legend>
          {(['store.visit', 'call'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={`${ids}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              {k === 'call' ? t('storeGlance.note.call') : t('storeGlance.note.visit')}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${ids}-text`}>{t('storeGlance.note.text')}</label>
        <textarea
          id={`${ids}-text`}
          value={note}
          maxLength={2000}
          rows={4}
          required
          onChange={(e) => setNote(e.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={shared}
            onChange={(e) => setShared(e.target.checked)}
            aria-describedby={`${ids}-hint`}
          />
          {t('storeGlance.note.share')}
        </label>
        <p id={`${ids}-hint`} className="muted">
          {t('storeGlance.note.shareHint')}
        </p>
        <button type="submit" className="button" disabled={add.isPending || note.trim() === ''}>
          {t('storeGlance.note.save')}
        </button>
        <p role="status" className="muted">
          {add.isSuccess && !add.isPending ? t('storeGlance.note.saved') : ''}
        </p>
        {add.error && (
          <p role="alert" className="notice notice-error">
            {add.error.message}
          </p>
        )}
      </form>
    </section>
  );
}

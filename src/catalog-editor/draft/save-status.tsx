import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Autosave } from './autosave.ts';

/** Saved / saving / not saved, announced politely; a failed save offers to try again. */
export function SaveStatus({ autosave }: { autosave: Autosave }) {
  const { t, i18n } = useTranslation();
  const status = useStore(autosave.state, (s) => s.status);
  const savedAt = useStore(autosave.state, (s) => s.savedAt);
  const error = useStore(autosave.state, (s) => s.error);
  const text =
    status === 'saved' && savedAt
      ? t('catalogDraft.status.savedAt', { at: new Date(savedAt).toLocaleTimeString(i18n.language) })
      : status === 'failed'
        ? t('catalogDraft.status.failed', { reason: error ?? '' })
        : t(`catalogDraft.status.${status}`);
  return (
    <span className={`save-status ${status}`} role="status">
      {text}
      {status === 'failed' && (
        <button type="button" className="secondary small" onClick={() => autosave.flush()}>
          {t('catalogDraft.status.retry')}
        </button>
      )}
    </span>
  );
}

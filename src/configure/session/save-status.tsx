import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useAutosave, type AutosaveRef } from './autosave.ts';

type Status = 'saved' | 'saving' | 'offline' | 'failed' | 'conflict';
const statuses: Status[] = ['saved', 'saving', 'offline', 'failed', 'conflict'];

/**
 * Whether the shopper's changes are on the server yet: saved, saving, kept here while the connection is gone, or
 * refused; with "Retry now" when they are not. Read out politely as it changes. Nothing where the host keeps no
 * session. `compact` (the bar on narrow screens): only what asks something of the shopper takes room; "saved" and
 * "Saving…" are read out, not shown.
 */
export function SaveStatus({ compact = false }: { compact?: boolean }) {
  const saver = useAutosave();
  return saver ? <SaverStatus saver={saver} compact={compact} /> : null;
}

function SaverStatus({ saver, compact }: { saver: AutosaveRef; compact: boolean }) {
  // The saver's last state (`done`, as the page closes) has no tag: it shows as it was, saved.
  const status = useSelector(saver, (s) => statuses.find((tag) => s.hasTag(tag)) ?? 'saved');
  const refusedWith = useSelector(saver, (s) => s.context.refusedWith);
  const { t } = useTranslation();
  const text =
    status === 'saving'
      ? t('sessionSave.saving')
      : status === 'offline'
        ? t('sessionSave.offline')
        : status === 'failed'
          ? t('sessionSave.failed', { status: refusedWith })
          : status === 'saved'
            ? t('sessionSave.saved')
            : ''; // a conflict has its own dialog
  const stuck = status === 'offline' || status === 'failed';
  return (
    <div
      className={compact && !stuck ? 'save-status visually-hidden' : 'save-status'}
      data-status={status}
      data-testid="save-status"
    >
      <p role="status" aria-live="polite">
        {text}
      </p>
      {stuck && (
        <button type="button" className="secondary" onClick={() => saver.send({ type: 'save.retry' })}>
          {t('sessionSave.retry')}
        </button>
      )}
    </div>
  );
}

import { useRef, useState } from 'react';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useConfigureHost } from '../host.ts';
import type { SessionConflict } from './autosave.ts';
import { useSession } from './session-context.tsx';
import { useModal } from './use-modal.ts';

/** Opens the stored session: the same page without the build in its address, so it resumes from the server. */
function reloadStored() {
  const url = new URL(window.location.href);
  url.searchParams.delete('b');
  window.location.assign(url.toString());
}

/**
 * Someone else saved this build meanwhile (the customer on another device, or staff in the store): say who and
 * when, and let the person choose — take theirs, or keep both (this page's build goes to the saved builds first).
 * Nothing is overwritten without that choice.
 */
export function ConflictDialog({ conflict }: { conflict: SessionConflict }) {
  const { t } = useTranslation();
  const { sessions } = useConfigureHost();
  const { actor } = useSession();
  const choices = useSelector(actor, (s) => s.context.choices);
  const catalogId = useSelector(actor, (s) => s.context.catalogId);
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useModal(true, first);
  const [state, setState] = useState<'idle' | 'keeping' | 'failed'>('idle');
  const keepBoth = async () => {
    if (!sessions) return;
    setState('keeping');
    try {
      const name = t('configure.conflict.keptName', { date: new Date().toLocaleString() });
      await sessions.keepAsBuild(catalogId, choices, name);
      reloadStored();
    } catch {
      setState('failed');
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="conflict-title"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="conflict-title">{t('configure.conflict.title')}</h2>
      <p>{conflict.message}</p>
      <p>{t('configure.conflict.choose')}</p>
      {state === 'failed' && (
        <p role="alert" className="notice notice-error">
          {t('configure.conflict.keepFailed')}
        </p>
      )}
      <div className="actions">
        <button ref={first} type="button" onClick={reloadStored} disabled={state === 'keeping'}>
          {t('configure.conflict.reload')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void keepBoth()}
          disabled={state === 'keeping'}
        >
          {t('configure.conflict.keepBoth')}
        </button>
      </div>
    </dialog>
  );
}

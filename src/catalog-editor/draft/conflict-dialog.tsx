import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { readablePath } from '../../core/catalog-edit/path-names.ts';
import { useModal } from '../../ui/use-modal.ts';
import type { Autosave } from './autosave.ts';
import { useDoc } from './document-context.tsx';

const SHOWN = 12;

/**
 * A save refused because someone saved meanwhile (409 draft_conflict): who, when and what they changed, then Merge
 * (both kept; where both changed one thing, mine) or Reload theirs (mine dropped, after a second question). After a
 * merge it lists the places both changed. Nothing is dropped without a click.
 */
export function ConflictDialog({ autosave }: { autosave: Autosave }) {
  const { t, i18n } = useTranslation();
  const conflict = useStore(autosave.state, (s) => s.conflict);
  const [step, setStep] = useState<'ask' | 'confirmReload' | { merged: string[] }>('ask');
  const first = useRef<HTMLButtonElement>(null);
  const open = conflict !== undefined || typeof step === 'object';
  const dialog = useModal(open, first);
  // Named from the document on screen: it holds what both sides name (after a merge, both sides' things).
  const doc = useDoc();
  const names = (paths: readonly string[]) => paths.map((p) => readablePath(doc, p));
  const list = (paths: readonly string[]) => (
    <ul className="paths">
      {names(paths.slice(0, SHOWN)).map((n, i) => (
        <li key={i}>{n}</li>
      ))}
      {paths.length > SHOWN && <li>{t('catalogDraft.conflict.more', { count: paths.length - SHOWN })}</li>}
    </ul>
  );
  const close = () => setStep('ask');
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="draft-conflict-title"
      onCancel={(e) => e.preventDefault()}
    >
      {typeof step === 'object' ? (
        <>
          <h2 id="draft-conflict-title">{t('catalogDraft.conflict.merged')}</h2>
          {step.merged.length === 0 ? (
            <p>{t('catalogDraft.conflict.mergedClean')}</p>
          ) : (
            <>
              <p>{t('catalogDraft.conflict.mergedConflicts')}</p>
              {list(step.merged)}
            </>
          )}
          <div className="actions">
            <button ref={first} type="button" onClick={close}>
              {t('catalogDraft.conflict.ok')}
            </button>
          </div>
        </>
      ) : (
        conflict && (
          <>
            <h2 id="draft-conflict-title">
              {step === 'ask' ? t('catalogDraft.conflict.title') : t('catalogDraft.conflict.reloadConfirm')}
            </h2>
            {step === 'ask' ? (
              <>
                <p>
                  {t('catalogDraft.conflict.who', {
                    name: conflict.current.updatedBy?.name ?? t('catalogDraft.conflict.someone'),
                    at: new Date(conflict.current.updatedAt).toLocaleString(i18n.language),
                  })}
                </p>
                {list(conflict.changedPaths)}
                <p className="muted">{t('catalogDraft.conflict.mergeHint')}</p>
                <div className="actions">
                  <button ref={first} type="button" onClick={() => setStep({ merged: autosave.merge() })}>
                    {t('catalogDraft.conflict.merge')}
                  </button>
                  <button type="button" className="secondary" onClick={() => setStep('confirmReload')}>
                    {t('catalogDraft.conflict.reload')}
                  </button>
                </div>
              </>
            ) : (
              <>
                <p>{t('catalogDraft.conflict.reloadWarning')}</p>
                <div className="actions">
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      autosave.reload();
                      close();
                    }}
                  >
                    {t('catalogDraft.conflict.reloadYes')}
                  </button>
                  <button ref={first} type="button" className="secondary" onClick={close}>
                    {t('catalogDraft.conflict.cancel')}
                  </button>
                </div>
              </>
            )}
          </>
        )
      )}
    </dialog>
  );
}

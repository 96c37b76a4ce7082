import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '../../contract/session.schema.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useModal } from '../../ui/use-modal.ts';

/**
 * A save refused because the build was saved elsewhere first (another device, or the store): say who changed it and
 * when, and let the person choose — load theirs, or keep this side's build as a saved build and then load theirs.
 * Nothing is overwritten either way. Escape does nothing: the page cannot go on saving until one is chosen.
 */
export function ConflictDialog({
  current,
  customerName,
  onReload,
  onKeepBoth,
}: {
  current: SessionResponse;
  /** Staff serving a customer: the customer's first name, since "another device" would be the customer online. */
  customerName?: string;
  onReload: () => void;
  /** Absent where nothing can be kept (then only "Reload theirs"). Rejects when keeping failed. */
  onKeepBoth?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useModal(true, first);
  const [keeping, setKeeping] = useState(false);
  const [failed, setFailed] = useState(false);
  const at = current.updatedAt
    ? new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(current.updatedAt),
      )
    : '';
  const saver = current.updatedBy;
  const what =
    current.session === null
      ? t('sessionConflict.removed')
      : saver?.channel === 'store'
        ? t('sessionConflict.inStore', { name: saver.name, role: t(`account.roles.${saver.role}`), at })
        : customerName
          ? t('sessionConflict.byCustomer', { name: customerName, at })
          : t('sessionConflict.otherDevice', { at });
  const keepBoth = async () => {
    if (!onKeepBoth) return;
    setKeeping(true);
    setFailed(false);
    try {
      await onKeepBoth();
    } catch {
      setFailed(true);
      setKeeping(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-what"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="conflict-title">{t('sessionConflict.title')}</h2>
      <p id="conflict-what">{what}</p>
      {onKeepBoth && <p className="dialog-reason">{t('sessionConflict.keepHint')}</p>}
      {failed && (
        <p role="alert" className="notice notice-warning">
          {t('sessionConflict.keepFailed')}
        </p>
      )}
      <div className="actions">
        <button ref={first} type="button" onClick={onReload} disabled={keeping}>
          {t('sessionConflict.reload')}
        </button>
        {onKeepBoth && (
          <button type="button" className="secondary" onClick={() => void keepBoth()} disabled={keeping}>
            {keeping ? t('sessionConflict.keeping') : t('sessionConflict.keepBoth')}
          </button>
        )}
      </div>
    </dialog>
  );
}

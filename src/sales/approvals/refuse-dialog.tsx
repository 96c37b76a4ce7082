import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from '../../ui/use-modal.ts';

/** Refusing says why (the salesperson reads it to the customer): a reason is required before it is sent. */
export function RefuseDialog({
  customerName,
  busy,
  onRefuse,
  onCancel,
}: {
  customerName: string;
  busy: boolean;
  onRefuse: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useModal(true, first);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{t('storeApprovals.refuseTitle', { name: customerName })}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') {
            setMissing(true);
            field.current?.focus();
          } else onRefuse(reason.trim());
        }}
      >
        <label className="field" htmlFor={`${id}-reason`}>
          {t('storeApprovals.reason')}
        </label>
        <textarea
          ref={field}
          id={`${id}-reason`}
          rows={3}
          maxLength={500}
          aria-required="true"
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-missing` : undefined}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <p id={`${id}-missing`} role="alert" className="field-error">
            {t('storeApprovals.reasonMissing')}
          </p>
        )}
        <div className="actions">
          <button type="button" ref={first} className="secondary" onClick={onCancel} disabled={busy}>
            {t('storeApprovals.cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {t('storeApprovals.refuseSend')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

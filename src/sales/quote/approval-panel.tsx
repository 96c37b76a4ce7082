import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

/**
 * Above the staff member's own authority: ask a store manager (with an optional note), then wait; the page learns
 * the decision live. A refusal shows the manager's reason, and the discount can be changed or asked for again.
 */
export function AskApproval({
  request,
  asking,
  onAsk,
}: {
  /** The newest request for exactly these terms, if one was refused (a pending or approved one is shown elsewhere). */
  request: ApprovalRequest | undefined;
  asking: boolean;
  onAsk: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <div className="approval-ask">
      {request?.status === 'refused' && (
        <div role="alert" className="notice notice-warning">
          {t('storeQuote.approval.refused', { name: request.decidedBy?.name ?? '' })}
          {request.reason && <q className="approval-reason">{request.reason}</q>}
        </div>
      )}
      <p>{t('storeQuote.approval.needed')}</p>
      <label className="field">
        <span>{t('storeQuote.approval.note')}</span>
        <textarea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="button" className="button" disabled={asking} onClick={() => onAsk(note.trim())}>
          {asking ? t('storeQuote.approval.asking') : t('storeQuote.approval.ask')}
        </button>
      </div>
    </div>
  );
}

/** A request sent and not decided yet: who is waited for, since when; the discount may still be changed. */
export function WaitingForApproval({
  request,
  onChange,
}: {
  request: ApprovalRequest;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const at = new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }).format(
    new Date(request.createdAt),
  );
  return (
    <div className="approval-wait">
      <p role="status" className="notice">
        <span className="spinner" aria-hidden="true" />
        {t('storeQuote.approval.waiting', { percent: format.number(request.discountPercent), at })}
      </p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onChange}>
          {t('storeQuote.approval.change')}
        </button>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

/** Requests decided lately, newest first: for whom, how much, who decided, and a refusal's reason. */
export function DecidedList({ requests }: { requests: ApprovalRequest[] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const moment = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="approvals-decided" className="approvals-decided">
      <h2 id="approvals-decided">{t('storeApprovals.decided')}</h2>
      {requests.length === 0 ? (
        <p className="muted">{t('storeApprovals.noneDecided')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="approvals-decided">
            <thead>
              <tr>
                <th scope="col">{t('storeApprovals.customer')}</th>
                <th scope="col" className="num">
                  {t('storeApprovals.discount')}
                </th>
                <th scope="col" className="num">
                  {t('storeApprovals.total')}
                </th>
                <th scope="col">{t('storeApprovals.decision')}</th>
                <th scope="col">{t('storeApprovals.decidedBy')}</th>
                <th scope="col">{t('storeApprovals.reasonColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.customer.name}</th>
                  <td className="num">
                    {t('storeQuote.percent', { percent: format.number(r.discountPercent) })}
                  </td>
                  <td className="num">{format.money(r.totalCents, r.currency)}</td>
                  <td>
                    <span
                      className={r.status === 'approved' ? 'status status-valid' : 'status status-refused'}
                    >
                      {t(`storeApprovals.status.${r.status}`)}
                    </span>
                  </td>
                  <td>
                    {r.decidedBy?.name ?? '—'}
                    {r.decidedAt && <span className="muted"> · {moment.format(new Date(r.decidedAt))}</span>}
                  </td>
                  <td>{r.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

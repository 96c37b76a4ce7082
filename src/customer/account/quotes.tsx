import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteGroup, QuoteRevision } from '../../contract/store-quotes.schema.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useAcceptQuote } from '../api/account.ts';
import { useCatalogLookup, type CatalogLookup } from './catalog-lookup.ts';
import { useDateFormat } from './date-format.ts';
import { quoteNumber } from '../../core/quotes/quote-number.ts';

/** One revision: what it holds, its price and validity, who approved its discount; accept it or take the PDF. */
function RevisionRow({
  revision,
  catalogs,
  onAccept,
}: {
  revision: QuoteRevision;
  catalogs: CatalogLookup;
  onAccept: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useLocaleFormat();
  const date = useDateFormat();
  const money = (cents: number) => format.money(cents, revision.currency);
  const name = t('accountQuotes.revision', { n: revision.revision });
  return (
    <tr>
      <th scope="row">
        <details>
          <summary>{name}</summary>
          <ul className="line-list">
            {revision.lines
              .filter((l) => l.amountCents !== 0 || l.kind === 'option')
              .map((l) => (
                <li key={`${l.kind}-${l.ref}`}>
                  <span>
                    {l.kind === 'discount' && l.ref === 'staff'
                      ? t('accountQuotes.storeDiscount', { percent: format.number(revision.discountPercent) })
                      : catalogs.line(revision.catalogId, l)}
                    {l.quantity > 1 ? ` × ${l.quantity}` : ''}
                  </span>
                  <span className="num">{money(l.amountCents)}</span>
                </li>
              ))}
          </ul>
        </details>
      </th>
      <td>
        {date.day(revision.createdAt)}
        <span className="muted">
          {' · '}
          {revision.channel === 'store'
            ? t('accountQuotes.inStore', { name: revision.createdBy?.name ?? '' })
            : t('accountQuotes.online')}
        </span>
      </td>
      <td>
        {date.day(revision.validUntil)}{' '}
        {!revision.valid && <span className="badge badge-muted">{t('accountQuotes.expired')}</span>}
      </td>
      <td>
        {revision.discountPercent > 0
          ? revision.approvedBy
            ? t('accountQuotes.discountApproved', {
                percent: format.number(revision.discountPercent),
                name: revision.approvedBy.name,
              })
            : t('accountQuotes.discount', { percent: format.number(revision.discountPercent) })
          : '—'}
      </td>
      <td className="num">{money(revision.totalCents)}</td>
      <td>
        <div className="row-actions">
          <a
            className="button secondary"
            href={`/api/quotes/${encodeURIComponent(revision.id)}/pdf?lang=${i18n.language.slice(0, 2)}`}
            download
          >
            {t('accountQuotes.pdf')} <span className="visually-hidden">{name}</span>
          </a>
          {revision.orderId ? (
            <span className="badge">{t('accountQuotes.ordered')}</span>
          ) : (
            <button type="button" className="button" onClick={onAccept}>
              {t('accountQuotes.accept')} <span className="visually-hidden">{name}</span>
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

/**
 * The customer's quotes, each group with its revisions (any valid one can be accepted, online as in the store),
 * newest revision first. Accepting asks first, then places the order at the quoted price; the orders list above
 * shows it.
 */
export function QuoteGroups({ groups }: { groups: QuoteGroup[] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const catalogs = useCatalogLookup(groups.flatMap((g) => g.revisions.map((r) => r.catalogId)));
  const accept = useAcceptQuote();
  const [confirming, setConfirming] = useState<QuoteRevision | null>(null);
  if (groups.length === 0) return <p className="muted">{t('account.quotes.none')}</p>;
  return (
    <>
      {accept.data && (
        <p role="status" className="notice">
          {t('accountQuotes.accepted', { total: format.money(accept.data.totalCents, accept.data.currency) })}
        </p>
      )}
      {accept.error && (
        <p role="alert" className="notice notice-error">
          {t('accountQuotes.failed', { message: accept.error.message })}
        </p>
      )}
      {groups.map((group) => {
        const first = group.revisions[0];
        const caption = t('accountQuotes.group', {
          product: first ? catalogs.name(first.catalogId) : '',
          id: quoteNumber(group.groupId),
        });
        return (
          <div key={group.groupId} className="table-scroll quote-group">
            <table className="account-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accountQuotes.revisionColumn')}</th>
                  <th scope="col">{t('account.table.date')}</th>
                  <th scope="col">{t('account.quotes.validUntil')}</th>
                  <th scope="col">{t('accountQuotes.discountColumn')}</th>
                  <th scope="col" className="num">
                    {t('account.table.total')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('accountQuotes.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...group.revisions].reverse().map((r) => (
                  <RevisionRow
                    key={r.id}
                    revision={r}
                    catalogs={catalogs}
                    onAccept={() => setConfirming(r)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <ConfirmDialog
        open={confirming !== null}
        title={t('accountQuotes.acceptTitle', { n: confirming?.revision ?? '' })}
        confirm={t('accountQuotes.confirm')}
        cancel={t('accountQuotes.cancel')}
        busy={accept.isPending}
        onConfirm={() => confirming && accept.mutate(confirming, { onSettled: () => setConfirming(null) })}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <p>
            {confirming.valid
              ? t('accountQuotes.acceptText', {
                  total: format.money(confirming.totalCents, confirming.currency),
                })
              : t('accountQuotes.acceptExpired')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}

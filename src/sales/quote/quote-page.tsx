import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { QuoteRevision } from '../../contract/store-quotes.schema.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useRelationship } from '../customer/api.ts';
import { useGlanceFormat } from '../customer/glance-format.ts';
import { useCatalog, useOrderRevision, useQuoteGroup } from './api.ts';
import { QuoteHeader } from './quote-header.tsx';
import { RevisionColumn } from './revision-column.tsx';
import './quote.css';
import { quoteNumber } from '../../core/quotes/quote-number.ts';

const newQuotePath = (customerId: string, buildId: string, groupId: string) =>
  `/store/customers/${encodeURIComponent(customerId)}/quotes/new?${new URLSearchParams({ build: buildId, group: groupId }).toString()}`;

/**
 * `/store/customers/:customerId/quotes/:quoteId`: a quote group's revisions side by side, oldest left, newest right,
 * each marked where it differs from the one before; download a revision's PDF, order at its price, or revise it.
 */
export function QuotePage() {
  const { t, i18n } = useTranslation();
  const { customerId = '', quoteId = '' } = useParams();
  const relationship = useRelationship(customerId);
  const group = useQuoteGroup(customerId, quoteId);
  const newest = group.data?.revisions.at(-1);
  const catalog = useCatalog(newest?.catalogId);
  const format = useGlanceFormat(newest?.currency ?? 'EUR');
  const order = useOrderRevision(customerId, quoteId);
  const [confirming, setConfirming] = useState<QuoteRevision | null>(null);

  if (relationship.isPending || group.isPending) return <p role="status">{t('loading')}</p>;
  if (relationship.error || group.error)
    return (
      <p role="alert" className="notice notice-error">
        {t('storeQuote.loadFailed', { message: (relationship.error ?? group.error)?.message })}{' '}
        <Link to={`/store/customers/${encodeURIComponent(customerId)}`}>{t('storeQuote.back')}</Link>
      </p>
    );
  const { revisions, diffs } = group.data;
  const lang = i18n.language.slice(0, 2);
  const place = () => {
    if (!confirming) return;
    order.mutate(
      { id: confirming.id, totalCents: confirming.totalCents, repriced: !confirming.valid },
      { onSettled: () => setConfirming(null) },
    );
  };
  return (
    <div className="quote-page">
      <QuoteHeader
        customer={relationship.data}
        title={t('storeQuote.revisions.heading', { id: quoteNumber(group.data.groupId) })}
      />
      {order.data && (
        <p role="status" className="notice notice-ok">
          {t('storeQuote.revisions.placed', {
            id: order.data.id.slice(0, 8),
            total: format.money(order.data.totalCents),
          })}{' '}
          <Link to={`/store/customers/${encodeURIComponent(customerId)}`}>{t('storeQuote.back')}</Link>
        </p>
      )}
      {order.error && (
        <p role="alert" className="notice notice-error">
          {t('storeQuote.errors.order', { message: order.error.message })}
        </p>
      )}
      <div
        className="revisions"
        role="group"
        aria-label={t('storeQuote.revisions.sideBySide')}
        tabIndex={0}
        style={{ ['--revisions' as string]: revisions.length }}
      >
        {revisions.map((r) => (
          <RevisionColumn
            key={r.id}
            revision={r}
            diff={diffs.find((d) => d.to === r.revision)}
            catalog={catalog.data}
            format={format}
            newest={r === newest && revisions.length > 1}
            reviseTo={r.buildId ? newQuotePath(customerId, r.buildId, group.data.groupId) : null}
            pdfHref={`/api/quotes/${encodeURIComponent(r.id)}/pdf?lang=${lang}`}
            onOrder={() => setConfirming(r)}
          />
        ))}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t('storeQuote.revisions.confirmTitle', { n: confirming?.revision ?? '' })}
        confirm={t('storeQuote.revisions.confirm')}
        cancel={t('storeQuote.revisions.cancel')}
        busy={order.isPending}
        onConfirm={place}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <p>
            {confirming.valid
              ? t('storeQuote.revisions.confirmText', {
                  name: relationship.data.customer.name,
                  total: format.money(confirming.totalCents),
                })
              : t('storeQuote.revisions.confirmExpired', { name: relationship.data.customer.name })}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

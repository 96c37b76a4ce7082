import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ApprovalRequest, QuotePreview } from '../../contract/store-quotes.schema.ts';
import { discountBand } from '../../core/profile/authority.ts';
import { ApiError } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useRelationship } from '../customer/api.ts';
import { useGlanceFormat } from '../customer/glance-format.ts';
import { useDebounced } from '../find/api.ts';
import { useStoreEvents } from '../store-events.ts';
import {
  putRequest,
  useApprovalRequests,
  useAskApproval,
  useCatalog,
  useCreateQuote,
  useQuotePreview,
} from './api.ts';
import { AskApproval, WaitingForApproval } from './approval-panel.tsx';
import { BuildSummary } from './build-summary.tsx';
import { DiscountControl } from './discount-control.tsx';
import { PriceLines } from './price-lines.tsx';
import { QuoteHeader } from './quote-header.tsx';
import './quote.css';

export const quotePath = (customerId: string, quoteId: string) =>
  `/store/customers/${encodeURIComponent(customerId)}/quotes/${encodeURIComponent(quoteId)}`;

/** The server's refusal in words the salesperson can act on. */
function useErrorWords() {
  const { t } = useTranslation();
  return (error: Error) => {
    if (error instanceof ApiError && error.code === 'approval_required')
      return t('storeQuote.errors.approvalRequired');
    if (error instanceof ApiError && error.status === 409) return t('storeQuote.errors.moved');
    return t('storeQuote.errors.other', { message: error.message });
  };
}

/**
 * `/store/customers/:customerId/quotes/new?build=ID[&group=GROUP]`: quote one of the customer's saved builds with a
 * discount. The price is the server's (a debounced preview); the band is this staff member's authority for this
 * customer. Within it, save; above it, ask a store manager and wait for the decision live; refused above the limit.
 */
export function NewQuotePage() {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { customerId = '' } = useParams();
  const [params] = useSearchParams();
  const buildId = params.get('build') ?? '';
  const groupId = params.get('group') ?? undefined;
  const relationship = useRelationship(customerId);
  const requests = useApprovalRequests(customerId);
  const ask = useAskApproval(customerId);
  const create = useCreateQuote(customerId);
  const errorWords = useErrorWords();

  const forThisBuild = (requests.data ?? []).filter(
    (r) => r.buildId === buildId && (r.groupId ?? undefined) === groupId,
  );
  // Until the salesperson moves the discount, it stands on the newest request for this build (waiting, approved, or
  // refused with its reason), so coming back to the page shows where the approval is.
  const [chosen, setChosen] = useState<number | null>(null);
  const percent = chosen ?? forThisBuild[0]?.discountPercent ?? 0;
  const [unlocked, setUnlocked] = useState<string | null>(null);
  const settled = useDebounced(percent, 300);
  const preview = useQuotePreview(
    customerId,
    buildId ? { buildId, discountPercent: settled, ...(groupId ? { groupId } : {}) } : null,
  );
  const catalog = useCatalog(preview.data?.catalogId);
  const dates = useGlanceFormat(preview.data?.currency ?? 'EUR');

  useStoreEvents(
    (event) => {
      if (event.kind !== 'approval.decided' || event.request.customer.id !== customerId) return;
      putRequest(client, customerId, event.request);
      // The preview names the approval that covers its terms.
      void client.invalidateQueries({ queryKey: [...identityKeys.store, 'quote-preview', customerId] });
    },
    () =>
      void client.invalidateQueries({ queryKey: [...identityKeys.store, 'approval-requests', customerId] }),
  );

  if (!buildId)
    return (
      <p role="alert" className="notice notice-error">
        {t('storeQuote.noBuild')}{' '}
        <Link to={`/store/customers/${encodeURIComponent(customerId)}`}>{t('storeQuote.back')}</Link>
      </p>
    );
  if (relationship.isPending) return <p role="status">{t('loading')}</p>;
  if (relationship.error)
    return (
      <p role="alert" className="notice notice-error">
        {t('storeQuote.loadFailed', { message: relationship.error.message })}
      </p>
    );
  const authority = relationship.data.authority;
  const band = discountBand(authority, percent);
  const current: QuotePreview | undefined =
    preview.data && preview.data.discountPercent === percent && !preview.isPlaceholderData
      ? preview.data
      : undefined;
  const request: ApprovalRequest | undefined = forThisBuild.find((r) => r.discountPercent === percent);
  const waiting = request?.status === 'pending' ? request : undefined;
  const approvedId =
    current?.approval?.requestId ?? (request?.status === 'approved' ? request.id : undefined);

  const save = (approvalRequestId?: string) => {
    if (!current) return;
    create.mutate(
      {
        buildId,
        discountPercent: percent,
        ...(groupId ? { groupId } : {}),
        ...(approvalRequestId ? { approvalRequestId } : {}),
        expectedTotalCents: current.totalCents,
      },
      { onSuccess: (group) => void navigate(quotePath(customerId, group.groupId)) },
    );
  };
  const change = (n: number) => {
    create.reset();
    setChosen(n);
  };

  return (
    <div className="quote-page new-quote">
      <QuoteHeader
        customer={relationship.data}
        title={groupId ? t('storeQuote.newRevisionTitle') : t('storeQuote.newTitle')}
      />
      <div className="new-quote-grid">
        <section className="quote-card" aria-labelledby="quote-build">
          <h2 id="quote-build">{t('storeQuote.build')}</h2>
          {preview.data ? (
            <>
              <p className="muted">
                {catalog.data?.name ?? preview.data.catalogId} ·{' '}
                {t('storeQuote.catalogVersion', { version: preview.data.catalogVersion })}
              </p>
              <BuildSummary catalog={catalog.data} selections={preview.data.selections} />
            </>
          ) : preview.error ? (
            <p role="alert" className="notice notice-error">
              {errorWords(preview.error)}
            </p>
          ) : (
            <p role="status">{t('loading')}</p>
          )}
        </section>
        <section className="quote-card" aria-labelledby="quote-terms">
          <h2 id="quote-terms">{t('storeQuote.terms')}</h2>
          <DiscountControl
            percent={percent}
            onChange={change}
            authority={authority}
            disabled={!!waiting && unlocked !== waiting.id}
          />
          <div className="quote-preview" aria-busy={!current}>
            {preview.data && (
              <PriceLines
                catalog={catalog.data}
                currency={preview.data.currency}
                lines={preview.data.lines}
                listTotalCents={preview.data.listTotalCents}
                discountPercent={preview.data.discountPercent}
                totalCents={preview.data.totalCents}
              />
            )}
            {preview.data && (
              <p className="muted">
                {t('storeQuote.validUntil', { date: dates.day(preview.data.validUntil) })}
              </p>
            )}
            {!current && preview.data && <p className="muted updating">{t('storeQuote.updating')}</p>}
            {preview.data && preview.error && (
              <p role="alert" className="notice notice-error">
                {errorWords(preview.error)}
              </p>
            )}
          </div>
          <div className="quote-actions">
            {band === 'within' && (
              <button
                type="button"
                className="button"
                disabled={!current || create.isPending}
                onClick={() => save()}
              >
                {t('storeQuote.save')}
              </button>
            )}
            {band === 'needs-approval' &&
              (approvedId ? (
                <>
                  <p className="notice notice-ok" role="status">
                    {t('storeQuote.approval.approved', {
                      name: current?.approval?.decidedBy.name ?? request?.decidedBy?.name ?? '',
                      percent: format.number(current?.approval?.discountPercent ?? percent),
                    })}
                  </p>
                  <button
                    type="button"
                    className="button"
                    disabled={!current || create.isPending}
                    onClick={() => save(approvedId)}
                  >
                    {t('storeQuote.saveApproved')}
                  </button>
                </>
              ) : waiting && unlocked !== waiting.id ? (
                <WaitingForApproval request={waiting} onChange={() => setUnlocked(waiting.id)} />
              ) : (
                <AskApproval
                  key={`${percent}`}
                  request={request?.status === 'refused' ? request : undefined}
                  asking={ask.isPending}
                  onAsk={(note) =>
                    ask.mutate({
                      buildId,
                      discountPercent: percent,
                      ...(groupId ? { groupId } : {}),
                      ...(note ? { note } : {}),
                    })
                  }
                />
              ))}
            {band === 'refused' && (
              <>
                <button type="button" className="button" disabled aria-describedby="quote-refused-why">
                  {t('storeQuote.save')}
                </button>
                <p id="quote-refused-why" className="notice notice-warning">
                  {t('storeQuote.refusedWhy', { percent: format.number(authority.limitPercent) })}
                </p>
              </>
            )}
            {ask.error && (
              <p role="alert" className="notice notice-error">
                {errorWords(ask.error)}
              </p>
            )}
            {create.error && (
              <p role="alert" className="notice notice-error">
                {errorWords(create.error)}
              </p>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

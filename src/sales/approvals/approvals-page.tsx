import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import { ApiError } from '../../ui/api-client.ts';
import { useStoreEvents } from '../store-events.ts';
import { approvalKeys, useApprovalQueue, useDecide, useShowRequest } from './api.ts';
import { ApprovalCard } from './approval-card.tsx';
import { DecidedList } from './decided-list.tsx';
import { RefuseDialog } from './refuse-dialog.tsx';
import '../customer/glance.css';
import '../quote/quote.css';
import './approvals.css';

/** What the last decision here came to, for the line above the queue. */
type Outcome =
  | { kind: 'decided'; request: ApprovalRequest }
  | { kind: 'taken'; id: string; customer: string; by: string | null; status: string | null }
  | { kind: 'failed'; message: string };

/**
 * `/store/approvals` (store managers): the requests for discounts above a salesperson's authority, live — a new
 * request appears and a decided one leaves without a reload, whichever server instance it reached. Approve, or
 * refuse with a reason; a request another manager decided first is said so, with who, and leaves the queue.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const pending = useApprovalQueue('pending');
  const decided = useApprovalQueue('decided');
  const show = useShowRequest();
  const decide = useDecide();
  const [refusing, setRefusing] = useState<ApprovalRequest | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useStoreEvents(
    (event) => show(event.request),
    () => void client.invalidateQueries({ queryKey: approvalKeys.all }),
  );

  const send = (
    request: ApprovalRequest,
    body: { decision: 'approve' } | { decision: 'refuse'; reason: string },
  ) =>
    decide.mutate(
      { id: request.id, body },
      {
        onSuccess: (decidedRequest) => {
          show(decidedRequest);
          setOutcome({ kind: 'decided', request: decidedRequest });
          setRefusing(null);
        },
        onError: (error) => {
          setRefusing(null);
          if (error instanceof ApiError && error.code === 'already_decided') {
            // Decided elsewhere first: out of the queue, and the decided list (with who) read again.
            client.setQueryData<ApprovalRequest[]>(approvalKeys.queue('pending'), (list = []) =>
              list.filter((r) => r.id !== request.id),
            );
            void client.invalidateQueries({ queryKey: approvalKeys.queue('decided') });
            // The server names who decided and how (details); else the decided list, read again, does.
            const { decidedBy, status } = error.details;
            setOutcome({
              kind: 'taken',
              id: request.id,
              customer: request.customer.name,
              by: typeof decidedBy === 'string' ? decidedBy : null,
              status: typeof status === 'string' ? status : null,
            });
          } else setOutcome({ kind: 'failed', message: error.message });
        },
      },
    );

  const listed = outcome?.kind === 'taken' ? decided.data?.find((r) => r.id === outcome.id) : undefined;
  const taken =
    outcome?.kind === 'taken'
      ? { by: outcome.by ?? listed?.decidedBy?.name, status: outcome.status ?? listed?.status }
      : undefined;
  return (
    <div className="approvals-page quote-page">
      <h1>{t('storeApprovals.title')}</h1>
      <p className="muted">{t('storeApprovals.lead')}</p>
      {outcome?.kind === 'decided' && (
        <p role="status" className="notice notice-ok">
          {t(
            outcome.request.status === 'approved'
              ? 'storeApprovals.approvedNow'
              : 'storeApprovals.refusedNow',
            {
              name: outcome.request.customer.name,
            },
          )}
        </p>
      )}
      {outcome?.kind === 'taken' && (
        <p role="alert" className="notice notice-warning">
          {taken?.by && taken.status
            ? t(
                taken.status === 'approved' ? 'storeApprovals.takenApproved' : 'storeApprovals.takenRefused',
                { customer: outcome.customer, name: taken.by },
              )
            : t('storeApprovals.taken', { customer: outcome.customer })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="notice notice-error">
          {t('storeApprovals.failed', { message: outcome.message })}
        </p>
      )}
      <section aria-labelledby="approvals-pending">
        <h2 id="approvals-pending">{t('storeApprovals.pending', { count: pending.data?.length ?? 0 })}</h2>
        {pending.isPending ? (
          <p role="status">{t('loading')}</p>
        ) : pending.error ? (
          <p role="alert" className="notice notice-error">
            {t('storeApprovals.failed', { message: pending.error.message })}
          </p>
        ) : pending.data.length === 0 ? (
          <p className="muted">{t('storeApprovals.none')}</p>
        ) : (
          <ul className="approval-queue" aria-labelledby="approvals-pending" aria-live="polite">
            {pending.data.map((request) => (
              <ApprovalCard
                key={request.id}
                request={request}
                busy={decide.isPending && decide.variables.id === request.id}
                onApprove={() => send(request, { decision: 'approve' })}
                onRefuse={() => setRefusing(request)}
              />
            ))}
          </ul>
        )}
      </section>
      <DecidedList requests={decided.data ?? []} />
      {refusing && (
        <RefuseDialog
          customerName={refusing.customer.name}
          busy={decide.isPending}
          onCancel={() => setRefusing(null)}
          onRefuse={(reason) => send(refusing, { decision: 'refuse', reason })}
        />
      )}
    </div>
  );
}

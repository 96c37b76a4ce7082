import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useStoreEvents } from '../store-events.ts';
import { approvalKeys, useApprovalQueue, useShowRequest } from './api.ts';

/**
 * The managers' way to their queue, with how many requests wait there, kept live on every page of the console: a
 * salesperson waiting at a customer's side should not depend on the manager looking at the right page.
 */
export function ApprovalsLink() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const pending = useApprovalQueue('pending');
  const show = useShowRequest();
  useStoreEvents(
    (event) => show(event.request),
    () => void client.invalidateQueries({ queryKey: approvalKeys.queue('pending') }),
  );
  const count = pending.data?.length ?? 0;
  return (
    <NavLink to="/store/approvals">
      {t('store.nav.approvals')}
      {count > 0 && (
        <span className="nav-count" aria-label={t('store.nav.waiting', { count })}>
          {count}
        </span>
      )}
    </NavLink>
  );
}

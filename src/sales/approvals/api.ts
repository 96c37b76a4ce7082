import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  approvalQueueSchema,
  approvalRequestSchema,
  type ApprovalDecisionBody,
  type ApprovalRequest,
} from '../../contract/store-quotes.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';

export type QueueStatus = 'pending' | 'decided';

/** Under `['store', …]`, so signing out drops the queue. */
export const approvalKeys = {
  all: [...identityKeys.store, 'approvals'] as const,
  queue: (status: QueueStatus) => [...identityKeys.store, 'approvals', status] as const,
};

/** The store's approval requests still to decide, or decided lately; newest first. */
export function useApprovalQueue(status: QueueStatus) {
  return useQuery({
    queryKey: approvalKeys.queue(status),
    queryFn: ({ signal }) => getJson(`/api/store/approvals?status=${status}`, approvalQueueSchema, signal),
  });
}

/**
 * A request as it now is, in both lists without a reload: a pending one heads the queue, a decided one leaves it
 * and heads the decided list. A request already shown is replaced, never doubled (an event and a reply can cross).
 */
export function useShowRequest() {
  const client = useQueryClient();
  return (request: ApprovalRequest) => {
    const without = (list: ApprovalRequest[] = []) => list.filter((r) => r.id !== request.id);
    client.setQueryData<ApprovalRequest[]>(approvalKeys.queue('pending'), (list) =>
      request.status === 'pending' ? [request, ...without(list)] : without(list),
    );
    client.setQueryData<ApprovalRequest[]>(approvalKeys.queue('decided'), (list) =>
      request.status === 'pending' ? without(list) : [request, ...without(list)],
    );
  };
}

export function useDecide() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApprovalDecisionBody }) =>
      sendJson(
        'POST',
        `/api/store/approvals/${encodeURIComponent(id)}/decision`,
        body,
        approvalRequestSchema,
      ),
  });
}

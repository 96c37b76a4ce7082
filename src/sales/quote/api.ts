import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import { checkoutResponseSchema } from '../../contract/orders.schema.ts';
import {
  approvalQueueSchema,
  approvalRequestSchema,
  quoteGroupSchema,
  quotePreviewResponseSchema,
  type ApprovalRequest,
  type ApprovalRequestBody,
  type CreateQuoteBody,
  type QuotePreviewBody,
} from '../../contract/store-quotes.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';

/** Under `['store', …]`, so signing out drops every quote the console showed. */
export const quoteKeys = {
  preview: (customerId: string, body: QuotePreviewBody) =>
    [...identityKeys.store, 'quote-preview', customerId, body] as const,
  group: (customerId: string, quoteId: string) =>
    [...identityKeys.store, 'quote-group', customerId, quoteId] as const,
  requests: (customerId: string) => [...identityKeys.store, 'approval-requests', customerId] as const,
};

const base = (customerId: string) => `/api/store/customers/${encodeURIComponent(customerId)}`;

/** A catalog in full (slot and option names); the same query key as the console's configurator. */
export function useCatalog(catalogId: string | undefined) {
  return useQuery({
    queryKey: ['catalogs', catalogId ?? ''],
    queryFn: ({ signal }) =>
      getJson(`/api/catalogs/${encodeURIComponent(catalogId ?? '')}`, catalogResponseSchema, signal),
    enabled: !!catalogId,
    staleTime: Infinity,
  });
}

/** The server's price for these terms (nothing stored); the last answer stays shown while the next is asked. */
export function useQuotePreview(customerId: string, body: QuotePreviewBody | null) {
  return useQuery({
    queryKey: quoteKeys.preview(customerId, body ?? { buildId: '', discountPercent: 0 }),
    queryFn: () => sendJson('POST', `${base(customerId)}/quotes/preview`, body, quotePreviewResponseSchema),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCreateQuote(customerId: string) {
  return useMutation({
    mutationFn: (body: CreateQuoteBody) =>
      sendJson('POST', `${base(customerId)}/quotes`, body, quoteGroupSchema),
  });
}

/** The approval requests made for this customer, newest first. */
export function useApprovalRequests(customerId: string) {
  return useQuery({
    queryKey: quoteKeys.requests(customerId),
    queryFn: ({ signal }) => getJson(`${base(customerId)}/approval-requests`, approvalQueueSchema, signal),
  });
}

/** Asks the store managers; the new request heads the customer's list at once. */
export function useAskApproval(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApprovalRequestBody) =>
      sendJson('POST', `${base(customerId)}/approval-requests`, body, approvalRequestSchema),
    onSuccess: (request) => putRequest(client, customerId, request),
  });
}

/** A request as it now is (asked, or decided elsewhere) in the customer's list, newest first. */
export function putRequest(
  client: ReturnType<typeof useQueryClient>,
  customerId: string,
  request: ApprovalRequest,
) {
  client.setQueryData<ApprovalRequest[]>(quoteKeys.requests(customerId), (list = []) =>
    list.some((r) => r.id === request.id)
      ? list.map((r) => (r.id === request.id ? request : r))
      : [request, ...list],
  );
}

/** A quote group with its revisions; `quoteId` is the group's id or any revision's. */
export function useQuoteGroup(customerId: string, quoteId: string) {
  return useQuery({
    queryKey: quoteKeys.group(customerId, quoteId),
    queryFn: ({ signal }) =>
      getJson(`${base(customerId)}/quotes/${encodeURIComponent(quoteId)}`, quoteGroupSchema, signal),
  });
}

/** Orders one revision at its price on the customer's behalf; the group is read again (the revision's order). */
export function useOrderRevision(customerId: string, quoteId: string) {
  const client = useQueryClient();
  return useMutation({
    // An expired revision is priced again on the live catalog: there is no quoted total to hold it to.
    mutationFn: (revision: { id: string; totalCents: number; repriced: boolean }) =>
      sendJson(
        'POST',
        `${base(customerId)}/quotes/${encodeURIComponent(revision.id)}/order`,
        revision.repriced ? {} : { expectedTotalCents: revision.totalCents },
        checkoutResponseSchema,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: quoteKeys.group(customerId, quoteId) }),
  });
}

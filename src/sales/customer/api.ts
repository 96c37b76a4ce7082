import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogListResponseSchema } from '../../contract/catalogs.schema.ts';
import { relationshipResponseSchema } from '../../contract/customers.schema.ts';
import {
  timelineItemSchema,
  timelineResponseSchema,
  type StaffInteractionBody,
} from '../../contract/interactions.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';

export type ChannelFilter = 'all' | 'web' | 'store' | 'phone';

/** Under `['store', …]`, so signing out drops every customer the console showed. */
export const customerKeys = {
  one: (id: string) => [...identityKeys.store, 'customer', id] as const,
  timeline: (id: string, channel: ChannelFilter) =>
    [...identityKeys.store, 'customer', id, 'timeline', channel] as const,
};

const TIMELINE_PAGE = 20;
const customerUrl = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** The whole relationship with one customer: who, value, tier, builds, sessions, quotes, orders, authority. */
export function useRelationship(id: string) {
  return useQuery({
    queryKey: customerKeys.one(id),
    queryFn: ({ signal }) => getJson(customerUrl(id), relationshipResponseSchema, signal),
  });
}

/** The products one can configure anew; the same for everyone, so not under the console's key. */
export function useCatalogList() {
  return useQuery({
    queryKey: ['catalogs'],
    queryFn: ({ signal }) => getJson('/api/catalogs', catalogListResponseSchema, signal),
  });
}

/** The customer's timeline, newest first, of one channel or all, a page at a time. */
export function useCustomerTimeline(id: string, channel: ChannelFilter) {
  return useInfiniteQuery({
    queryKey: customerKeys.timeline(id, channel),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(TIMELINE_PAGE) });
      if (channel !== 'all') query.set('channel', channel);
      if (pageParam) query.set('before', pageParam);
      return getJson(`${customerUrl(id)}/timeline?${query.toString()}`, timelineResponseSchema, signal);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Logs a call or store visit with a note; the timeline and the value (service cost) are read again after. */
export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffInteractionBody) =>
      sendJson('POST', `${customerUrl(id)}/interactions`, body, timelineItemSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.one(id) }),
  });
}

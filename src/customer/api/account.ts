import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ownTimelineResponseSchema } from '../../contract/interactions.schema.ts';
import { checkoutListSchema, checkoutResponseSchema } from '../../contract/orders.schema.ts';
import { preferencesResponseSchema, type PreferencesResponse } from '../../contract/preferences.schema.ts';
import {
  compareResponseSchema,
  savedBuildListSchema,
  savedBuildSchema,
} from '../../contract/saved-builds.schema.ts';
import { quoteGroupListSchema } from '../../contract/store-quotes.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';

/** Everything under `account` belongs to whoever is signed in, and is dropped when that changes. */
export const accountKeys = {
  all: identityKeys.account,
  builds: ['account', 'builds'] as const,
  compare: (a: string, b: string) => ['account', 'compare', a, b] as const,
  quotes: ['account', 'quotes'] as const,
  orders: ['account', 'orders'] as const,
  timeline: ['account', 'timeline'] as const,
  preferences: ['account', 'preferences'] as const,
};

const TIMELINE_PAGE = 20;

/** The shopper's saved builds (a guest's too: they are kept under the guest cookie); `enabled` false for staff. */
export function useSavedBuilds(enabled = true) {
  return useQuery({
    queryKey: accountKeys.builds,
    queryFn: ({ signal }) => getJson('/api/builds', savedBuildListSchema, signal),
    enabled,
  });
}

const buildUrl = (id: string) => `/api/builds/${encodeURIComponent(id)}`;

export function useRenameBuild() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      sendJson('PATCH', buildUrl(id), { name }, savedBuildSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useDeleteBuild() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson('DELETE', buildUrl(id), undefined, z.null()),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

/** Two saved builds side by side; idle until both are picked. */
export function useCompareBuilds(a: string | undefined, b: string | undefined) {
  return useQuery({
    queryKey: accountKeys.compare(a ?? '', b ?? ''),
    queryFn: ({ signal }) =>
      getJson(
        `/api/builds/compare?${new URLSearchParams({ a: a ?? '', b: b ?? '' }).toString()}`,
        compareResponseSchema,
        signal,
      ),
    enabled: !!a && !!b,
  });
}

/** The customer's quotes: each group with its revisions (made online or in the store), newest group first. */
export function useQuotes() {
  return useQuery({
    queryKey: accountKeys.quotes,
    queryFn: ({ signal }) => getJson('/api/me/quotes', quoteGroupListSchema, signal),
  });
}

/**
 * Accepts one revision: an order at its quoted price while it is valid (`expectedTotalCents` makes a moved price a
 * 409 rather than a surprise); after it, priced again on the live catalog. Quotes and orders are read again.
 */
export function useAcceptQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revision: { id: string; totalCents: number; valid: boolean }) =>
      sendJson(
        'POST',
        `/api/me/quotes/${encodeURIComponent(revision.id)}/accept`,
        revision.valid ? { expectedTotalCents: revision.totalCents } : {},
        checkoutResponseSchema,
      ),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: accountKeys.quotes }),
        client.invalidateQueries({ queryKey: accountKeys.orders }),
      ]),
  });
}

export function useOrders() {
  return useQuery({
    queryKey: accountKeys.orders,
    queryFn: ({ signal }) => getJson('/api/orders', checkoutListSchema, signal),
  });
}

/** The interaction log, newest first, a page at a time (the route pages by cursor). */
export function useTimeline() {
  return useInfiniteQuery({
    queryKey: accountKeys.timeline,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(TIMELINE_PAGE) });
      if (pageParam) query.set('before', pageParam);
      return getJson(`/api/me/timeline?${query.toString()}`, ownTimelineResponseSchema, signal);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: accountKeys.preferences,
    queryFn: ({ signal }) => getJson('/api/me/preferences', preferencesResponseSchema, signal),
  });
}

/** Each preference change answers with the whole explained profile, which replaces the cached one. */
function usePreferenceChange<T>(send: (input: T) => Promise<PreferencesResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (profile) => client.setQueryData(accountKeys.preferences, profile),
  });
}

export function useCorrectPreference() {
  return usePreferenceChange((input: { key: string; value: number | null }) =>
    sendJson('PUT', '/api/me/preferences/overrides', input, preferencesResponseSchema),
  );
}

export function useResetPreferences() {
  return usePreferenceChange(() =>
    sendJson('POST', '/api/me/preferences/reset', undefined, preferencesResponseSchema),
  );
}

export function useSetPersonalization() {
  return usePreferenceChange((enabled: boolean) =>
    sendJson('PUT', '/api/me/preferences/personalization', { enabled }, preferencesResponseSchema),
  );
}

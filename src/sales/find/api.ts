import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  customerSearchResponseSchema,
  recentCustomersResponseSchema,
  walkInResponseSchema,
  type WalkInBody,
} from '../../contract/store-find.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';

/** The server refuses shorter queries (400 naming `q`); the page does not ask. */
export const MIN_QUERY = 2;
/** Typing pauses shorter than this do not search: one request per burst of keys, not per key. */
const DEBOUNCE_MS = 200;

/** Under `['store', …]`, so signing out drops every customer the console found. */
const findKeys = {
  search: (q: string) => [...identityKeys.store, 'find', q] as const,
  recent: [...identityKeys.store, 'recent'] as const,
};

/** `value`, once it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Customers matching what was typed, once typing pauses. The previous hits stay shown while the next arrive, so
 * the list does not flicker between keys; an aborted request (a newer query) is dropped by react-query.
 */
export function useCustomerSearch(typed: string) {
  const q = useDebounced(typed.trim());
  const enabled = q.length >= MIN_QUERY;
  const query = useQuery({
    queryKey: findKeys.search(q),
    queryFn: ({ signal }) =>
      getJson(
        `/api/customers?${new URLSearchParams({ q }).toString()}`,
        customerSearchResponseSchema,
        signal,
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return { ...query, q, enabled, settled: q === typed.trim() };
}

/** Whom this staff member served in the store lately, newest first. */
export function useRecentCustomers() {
  return useQuery({
    queryKey: findKeys.recent,
    queryFn: ({ signal }) => getJson('/api/store/customers/recent', recentCustomersResponseSchema, signal),
  });
}

/** Registers a walk-in; they then count as served by this staff member. */
export function useRegisterWalkIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WalkInBody) => sendJson('POST', '/api/store/customers', body, walkInResponseSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: findKeys.recent }),
  });
}

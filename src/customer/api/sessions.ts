import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { sessionResponseSchema, type PersistedSession } from '../../contract/session.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { accountKeys } from './account.ts';

const url = (catalogId: string) => `/api/sessions/${encodeURIComponent(catalogId)}`;

/**
 * The shopper's live session for a product as the server holds it (from this device or another), or none. Kept
 * under the account's keys: a sign-in or sign-out asks again.
 */
export function useStoredSession(catalogId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...accountKeys.all, 'session', catalogId],
    queryFn: ({ signal }) => getJson(url(catalogId), sessionResponseSchema, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/** Replaces the stored session; `keepalive` lets the request finish when the page goes away. */
export async function storeSession(session: PersistedSession, keepalive = false): Promise<void> {
  if (keepalive) {
    await fetch(url(session.catalogId), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session }),
      keepalive: true,
    });
    return;
  }
  await sendJson('PUT', url(session.catalogId), { session }, z.null());
}

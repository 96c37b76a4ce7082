import { z } from 'zod';
import {
  sessionResponseSchema,
  type PersistedSession,
  type SessionResponse,
} from '../../contract/session.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';

const url = (catalogId: string) => `/api/sessions/${encodeURIComponent(catalogId)}`;

/** The shopper's live session for a product as the server holds it (from this device or another), or none. */
export function loadSession(catalogId: string, signal: AbortSignal): Promise<SessionResponse> {
  return getJson(url(catalogId), sessionResponseSchema, signal);
}

/** Replaces the stored session; `keepalive` lets the request finish when the page goes away. */
export async function storeSession(session: PersistedSession, keepalive: boolean): Promise<void> {
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

import {
  putSessionResponseSchema,
  sessionResponseSchema,
  type PersistedSession,
  type SessionResponse,
} from '../../contract/session.schema.ts';
import { savedBuildSchema } from '../../contract/saved-builds.schema.ts';
import type { Build } from '../../core/catalog/index.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';

const url = (catalogId: string) => `/api/sessions/${encodeURIComponent(catalogId)}`;

/** The shopper's live session for a product as the server holds it (from this device or another), or none. */
export function loadSession(catalogId: string, signal: AbortSignal): Promise<SessionResponse> {
  return getJson(url(catalogId), sessionResponseSchema, signal);
}

/**
 * Replaces the stored session if it is still at `baseRevision`; `keepalive` lets the request finish when the page
 * goes away.
 * @returns the new revision
 * @throws ApiError `session_conflict` when it was saved elsewhere since
 */
export async function storeSession(
  session: PersistedSession,
  baseRevision: number,
  keepalive: boolean,
): Promise<number> {
  const reply = await sendJson(
    'PUT',
    url(session.catalogId),
    { session, baseRevision },
    putSessionResponseSchema,
    {
      keepalive,
    },
  );
  return reply.revision;
}

/** "Keep both" after a conflict: this page's build becomes one of the shopper's saved builds. */
export async function keepSessionAsBuild(catalogId: string, build: Build, name: string): Promise<void> {
  await sendJson('POST', '/api/builds', { catalogId, name, selections: build }, savedBuildSchema);
}

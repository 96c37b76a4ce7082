import { sessionResponseSchema, type SessionResponse } from '../../contract/session.schema.ts';
import { savedBuildSchema } from '../../contract/saved-builds.schema.ts';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { putSession, type SessionSaveOutcome } from '../../ui/api/session-save.ts';
import type { PersistedSession } from '../../contract/session.schema.ts';

const url = (catalogId: string) => `/api/sessions/${encodeURIComponent(catalogId)}`;

/** The shopper's live session for a product as the server holds it (from this device or another), or none. */
export function loadSession(catalogId: string, signal: AbortSignal): Promise<SessionResponse> {
  return getJson(url(catalogId), sessionResponseSchema, signal);
}

/** Replaces the stored session if it is still at `baseRevision`; `keepalive` lets it finish when the page goes away. */
export function storeSession(
  session: PersistedSession,
  baseRevision: number,
  keepalive: boolean,
  signal?: AbortSignal,
): Promise<SessionSaveOutcome> {
  return putSession(url(session.catalogId), session, baseRevision, keepalive, signal);
}

/** "Keep both" after a conflict: this device's build saved among the shopper's builds. */
export async function keepSessionBuild(
  catalogId: string,
  catalogVersion: string,
  selections: BuildSelections,
  name: string,
): Promise<void> {
  await sendJson('POST', '/api/builds', { name, catalogId, catalogVersion, selections }, savedBuildSchema);
}

import {
  putSessionResponseSchema,
  sessionConflictResponseSchema,
  type PersistedSession,
  type SessionResponse,
} from '../../contract/session.schema.ts';
import { ApiError } from '../api-client.ts';

/** What a session save came to: stored at a new revision, or refused because another save came first. */
export type SessionSaveOutcome =
  { saved: true; revision: number } | { saved: false; current: SessionResponse };

/**
 * PUTs a session over the revision it was made from (the customer's own route and the console's share the
 * payload). A 409 is an answer, not a failure: it carries what is stored now. `keepalive` lets the request outlive
 * a page that is going away; `signal` abandons it.
 */
export async function putSession(
  url: string,
  session: PersistedSession,
  baseRevision: number,
  keepalive: boolean,
  signal?: AbortSignal,
): Promise<SessionSaveOutcome> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ session, baseRevision }),
    keepalive,
    signal,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 409)
    return { saved: false, current: sessionConflictResponseSchema.parse(body).current };
  if (!response.ok)
    throw new ApiError(response.status, 'http', `The session was not saved (${response.status}).`);
  return { saved: true, revision: putSessionResponseSchema.parse(body).revision };
}

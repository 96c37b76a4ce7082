import {
  draftConflictResponseSchema,
  draftSchema,
  saveDraftResponseSchema,
  type DraftConflictResponse,
} from '../../contract/catalog-admin.schema.ts';
import { errorResponseSchema } from '../../contract/errors.schema.ts';
import type { Catalog } from '../../core/catalog/index.ts';
import { getJson } from '../../ui/api-client.ts';

const draftUrl = (draftId: string) => `/api/catalog-admin/drafts/${encodeURIComponent(draftId)}`;

export const loadDraft = (draftId: string, signal?: AbortSignal) =>
  getJson(draftUrl(draftId), draftSchema, signal);

export type SaveOutcome =
  { ok: true; revision: number; updatedAt: string } | { ok: false; conflict: DraftConflictResponse };

/**
 * Saves the document on top of `baseRevision`. A 409 `draft_conflict` is an answer, not a failure: it carries what is
 * stored now. `keepalive` lets the request outlive the page (a save on leaving it).
 * @throws Error with the server's message for any other refusal, or when the server cannot be reached.
 */
export async function saveDraft(
  draftId: string,
  baseRevision: number,
  document: Catalog,
  keepalive = false,
): Promise<SaveOutcome> {
  const response = await fetch(draftUrl(draftId), {
    method: 'PUT',
    keepalive,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ baseRevision, document }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const saved = saveDraftResponseSchema.parse(body);
    return { ok: true, revision: saved.revision, updatedAt: saved.updatedAt };
  }
  const conflict = draftConflictResponseSchema.safeParse(body);
  if (response.status === 409 && conflict.success) return { ok: false, conflict: conflict.data };
  const error = errorResponseSchema.safeParse(body);
  throw new Error(error.success ? error.data.error.message : `The server answered ${response.status}.`);
}

import type { Kysely } from 'kysely';
import type { DraftConflictResponse } from '../../../contract/catalog-admin.schema.ts';
import { changedPaths } from '../../../core/catalog-edit/json-merge.ts';
import { notFound } from '../../errors.ts';
import { findDraft, findDraftRevision, type StoredDraft } from '../../store/catalog-drafts.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftReply } from './present.ts';

/** @throws 404 `draft_not_found` (also a draft published or deleted meanwhile). */
export async function draftOr404(db: Kysely<Database>, draftId: string): Promise<StoredDraft> {
  const draft = await findDraft(db, draftId);
  if (!draft)
    throw notFound('draft_not_found', `No draft "${draftId}" (it may have been published or deleted).`);
  return draft;
}

/**
 * The 409 `draft_conflict` reply: what is stored now and the paths that changed since the caller's base, so the
 * client merges its edits onto it (mergeJson) or reloads. A base the history lacks differs everywhere (`$`).
 */
export async function draftConflict(
  db: Kysely<Database>,
  draftId: string,
  baseRevision: number,
): Promise<DraftConflictResponse> {
  const current = await draftOr404(db, draftId);
  const base = await findDraftRevision(db, draftId, baseRevision);
  return {
    error: {
      code: 'draft_conflict',
      message:
        `The draft was saved by ${current.updatedBy ?? 'someone'} since revision ${baseRevision}; it is now at ` +
        `revision ${current.revision}. Nothing was stored: merge your edits onto it or reload.`,
      details: { baseRevision, revision: current.revision },
    },
    current: draftReply(current),
    changedPaths: changedPaths(base, current.document),
  };
}

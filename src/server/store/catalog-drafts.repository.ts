import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/** A draft without its document, who last saved it by name. */
export interface DraftHeader {
  id: string;
  catalogId: string;
  title: string;
  baseVersion: string | null;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
}
/** A draft with its document parsed. */
export interface StoredDraft extends DraftHeader {
  document: Record<string, unknown>;
}

export interface NewDraft {
  id: string;
  catalogId: string;
  title: string;
  baseVersion: string | null;
  document: Record<string, unknown>;
  at: string;
  byUserId: string | null;
}

const parseDocument = (text: string) => JSON.parse(text) as Record<string, unknown>;

/** Creates a draft at revision 1, with that revision in its history. Pass a transaction's `trx` as `db`. */
export async function insertDraft(db: Kysely<Database>, draft: NewDraft): Promise<void> {
  const document = JSON.stringify(draft.document);
  await db
    .insertInto('catalog_drafts')
    .values({
      id: draft.id,
      catalog_id: draft.catalogId,
      title: draft.title,
      base_version: draft.baseVersion,
      revision: 1,
      document,
      created_at: draft.at,
      updated_at: draft.at,
      created_by_user_id: draft.byUserId,
      updated_by_user_id: draft.byUserId,
    })
    .execute();
  await db
    .insertInto('catalog_draft_revisions')
    .values({
      draft_id: draft.id,
      revision: 1,
      document,
      saved_at: draft.at,
      saved_by_user_id: draft.byUserId,
    })
    .execute();
}

function selectDrafts(db: Kysely<Database>) {
  return db
    .selectFrom('catalog_drafts as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by_user_id')
    .select(['d.id', 'd.catalog_id', 'd.title', 'd.base_version', 'd.revision', 'd.updated_at', 'u.name']);
}

type DraftSelection = Awaited<ReturnType<ReturnType<typeof selectDrafts>['executeTakeFirstOrThrow']>>;
const header = (r: DraftSelection): DraftHeader => ({
  id: r.id,
  catalogId: r.catalog_id,
  title: r.title,
  baseVersion: r.base_version,
  revision: r.revision,
  updatedAt: r.updated_at,
  updatedBy: r.name,
});

export async function findDraft(db: Kysely<Database>, id: string): Promise<StoredDraft | undefined> {
  const row = await selectDrafts(db).select('d.document').where('d.id', '=', id).executeTakeFirst();
  return row && { ...header(row), document: parseDocument(row.document) };
}

/** Every draft without its document, newest save first. */
export async function listDrafts(db: Kysely<Database>): Promise<DraftHeader[]> {
  return (await selectDrafts(db).orderBy('d.updated_at', 'desc').execute()).map(header);
}

/** The document a draft had at one of its revisions; undefined when there is no such revision. */
export async function findDraftRevision(
  db: Kysely<Database>,
  id: string,
  revision: number,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('catalog_draft_revisions')
    .select('document')
    .where('draft_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row && parseDocument(row.document);
}

/**
 * Saves a draft if it is still at `baseRevision`: one conditional UPDATE, so of two saves from the same base exactly
 * one writes (PostgreSQL re-checks the WHERE after the first commits; SQLite has one writer). The new revision's
 * document goes into the history in the same transaction.
 * @returns the new revision, or undefined when the draft is gone or was saved since (nothing written).
 */
export async function saveDraft(
  db: Kysely<Database>,
  save: {
    id: string;
    baseRevision: number;
    title?: string;
    document: Record<string, unknown>;
    at: string;
    byUserId: string | null;
  },
): Promise<number | undefined> {
  const document = JSON.stringify(save.document);
  const revision = save.baseRevision + 1;
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('catalog_drafts')
      .set({
        revision,
        document,
        updated_at: save.at,
        updated_by_user_id: save.byUserId,
        ...(save.title !== undefined ? { title: save.title } : {}),
      })
      .where('id', '=', save.id)
      .where('revision', '=', save.baseRevision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    await trx
      .insertInto('catalog_draft_revisions')
      .values({ draft_id: save.id, revision, document, saved_at: save.at, saved_by_user_id: save.byUserId })
      .execute();
    return revision;
  });
}

/**
 * Deletes a draft (its history goes with it, on delete cascade), only at `revision` when one is given (publishing exactly what was checked).
 * @returns whether it was deleted.
 */
export async function deleteDraft(db: Kysely<Database>, id: string, revision?: number): Promise<boolean> {
  let query = db.deleteFrom('catalog_drafts').where('id', '=', id);
  if (revision !== undefined) query = query.where('revision', '=', revision);
  return Number((await query.executeTakeFirst()).numDeletedRows) === 1;
}

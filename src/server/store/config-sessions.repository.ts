import { sql, type Kysely } from 'kysely';
import { persistedSessionSchema, type PersistedSession } from '../../contract/session.schema.ts';
import type { ConfigSessionRow } from './config-sessions.table.ts';
import type { Database } from './database.ts';

export type SessionOwner = { customerId: string } | { guestId: string };

/** A stored session as the rest of the server sees it: the envelope, and when it was last saved. */
export interface StoredSession {
  session: PersistedSession;
  updatedAt: string;
  /** Bumped by every save; the next save must name it. */
  revision: number;
  /** The staff member who saved it last, or null when the owner did. */
  updatedByUserId: string | null;
}

/** The one non-null key of an owner (see the migration): customers and guests never collide. */
export function ownerKey(owner: SessionOwner): string {
  return 'customerId' in owner ? `c:${owner.customerId}` : `g:${owner.guestId}`;
}

function ownerColumns(owner: SessionOwner) {
  return {
    owner_key: ownerKey(owner),
    customer_id: 'customerId' in owner ? owner.customerId : null,
    guest_id: 'guestId' in owner ? owner.guestId : null,
  };
}

/**
 * Parsing on read catches rows of another format. A session is disposable (the builds are saved apart), so an
 * unreadable one is treated as none and the browser starts afresh instead of failing to open the page.
 */
export function storedSessionOf(row: ConfigSessionRow): StoredSession | undefined {
  const parsed = persistedSessionSchema.safeParse({
    format: row.format,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    snapshot: JSON.parse(row.snapshot) as unknown,
  });
  return parsed.success
    ? {
        session: parsed.data,
        updatedAt: row.updated_at,
        revision: row.revision,
        updatedByUserId: row.updated_by_user_id,
      }
    : undefined;
}

export async function findConfigSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  catalogId: string,
): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('config_sessions')
    .selectAll()
    .where('owner_key', '=', ownerKey(owner))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return row && storedSessionOf(row);
}

/** How a save went: stored at a new revision, or refused because someone else saved since its base. */
export type SaveOutcome =
  { saved: true; revision: number } | { saved: false; stored: StoredSession | undefined };

/**
 * Stores the owner's session of `session.catalogId` if the stored one is still at `baseRevision` (0: there is none
 * yet). The check and the write are one statement, so of two saves from the same base exactly one wins.
 * The caller has validated the session.
 */
export async function saveConfigSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  session: PersistedSession,
  { at, baseRevision, byUserId }: { at: string; baseRevision: number; byUserId: string | null },
): Promise<SaveOutcome> {
  const content = {
    catalog_version: session.catalogVersion,
    format: session.format,
    snapshot: JSON.stringify(session.snapshot),
    updated_at: at,
    updated_by_user_id: byUserId,
  };
  const written =
    baseRevision === 0
      ? await db
          .insertInto('config_sessions')
          .values({ ...ownerColumns(owner), catalog_id: session.catalogId, ...content, revision: 1 })
          .onConflict((oc) => oc.columns(['owner_key', 'catalog_id']).doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
      : await db
          .updateTable('config_sessions')
          .set({ ...content, revision: baseRevision + 1 })
          .where('owner_key', '=', ownerKey(owner))
          .where('catalog_id', '=', session.catalogId)
          .where('revision', '=', baseRevision)
          .executeTakeFirst()
          .then((r) => Number(r.numUpdatedRows));
  if (written > 0) return { saved: true, revision: baseRevision + 1 };
  return { saved: false, stored: await findConfigSession(db, owner, session.catalogId) };
}

/** @returns whether there was one. */
export async function deleteConfigSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  catalogId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('config_sessions')
    .where('owner_key', '=', ownerKey(owner))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Sign-in merge: per catalog the newer of the guest's and the customer's session (by updated_at; the customer's
 * on a tie) stays, under the customer; the guest's rows are gone after. Run inside the merge's transaction.
 * @returns how many of the guest's sessions were kept.
 */
export async function adoptGuestConfigSessions(
  db: Kysely<Database>,
  guestId: string,
  customerId: string,
): Promise<number> {
  const guestKey = ownerKey({ guestId });
  const customerKey = ownerKey({ customerId });
  const guests = await db
    .selectFrom('config_sessions')
    .selectAll()
    .where('owner_key', '=', guestKey)
    .execute();
  if (guests.length === 0) return 0;
  const theirs = await db
    .selectFrom('config_sessions')
    .select(['catalog_id', 'updated_at'])
    .where('owner_key', '=', customerKey)
    .where(
      'catalog_id',
      'in',
      guests.map((g) => g.catalog_id),
    )
    .execute();
  // Compared as instants, not text: a row written elsewhere may carry another ISO spelling of the same time.
  const customerAt = new Map(theirs.map((r) => [r.catalog_id, Date.parse(r.updated_at)]));
  const kept = guests.filter((g) => {
    const at = customerAt.get(g.catalog_id);
    return at === undefined || Date.parse(g.updated_at) > at;
  });
  await db.deleteFrom('config_sessions').where('owner_key', '=', guestKey).execute();
  for (const row of kept) {
    const content = {
      catalog_version: row.catalog_version,
      format: row.format,
      snapshot: row.snapshot,
      updated_at: row.updated_at,
      updated_by_user_id: null,
    };
    await db
      .insertInto('config_sessions')
      .values({ ...ownerColumns({ customerId }), catalog_id: row.catalog_id, ...content, revision: 1 })
      .onConflict((oc) =>
        oc.columns(['owner_key', 'catalog_id']).doUpdateSet({
          ...content,
          // A new revision: a page open on the customer's old session must not save over the adopted one unawares.
          revision: sql<number>`${sql.ref('config_sessions.revision')} + 1`,
        }),
      )
      .execute();
  }
  return kept.length;
}

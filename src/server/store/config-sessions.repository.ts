import { sql, type Kysely } from 'kysely';
import { persistedSessionSchema, type PersistedSession } from '../../contract/session.schema.ts';
import type { ConfigSessionRow } from './config-sessions.table.ts';
import type { Database } from './database.ts';

export type SessionOwner = { customerId: string } | { guestId: string };

/** A stored session as the rest of the server sees it: the envelope, when it was last saved, at which revision, by whom. */
export interface StoredSession {
  session: PersistedSession;
  updatedAt: string;
  revision: number;
  /** The staff member who saved it last; null when the owner did. */
  updatedBy: { name: string; role: string } | null;
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
function fromRow(
  row: ConfigSessionRow & { saver_name: string | null; saver_role: string | null },
): StoredSession | undefined {
  const parsed = persistedSessionSchema.safeParse({
    format: row.format,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    snapshot: JSON.parse(row.snapshot) as unknown,
  });
  if (!parsed.success) return undefined;
  const updatedBy =
    row.saver_name !== null && row.saver_role !== null
      ? { name: row.saver_name, role: row.saver_role }
      : null;
  return { session: parsed.data, updatedAt: row.updated_at, revision: row.revision, updatedBy };
}

export async function findConfigSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  catalogId: string,
): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('config_sessions')
    .leftJoin('users', 'users.id', 'config_sessions.updated_by_user_id')
    .selectAll('config_sessions')
    .select(['users.name as saver_name', 'users.role as saver_role'])
    .where('owner_key', '=', ownerKey(owner))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return row && fromRow(row);
}

/**
 * Stores the owner's session of `session.catalogId` if the stored one is still at `baseRevision` (0: none stored),
 * in one conditional statement, so of two saves from the same base exactly one wins. The caller has validated it.
 * @param savedBy the staff member saving it on the owner's behalf; null when the owner saves it.
 * @returns the new revision, or undefined when another save came first (nothing written).
 */
export async function saveConfigSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  session: PersistedSession,
  { at, baseRevision, savedBy }: { at: string; baseRevision: number; savedBy: string | null },
): Promise<number | undefined> {
  const content = {
    catalog_version: session.catalogVersion,
    format: session.format,
    snapshot: JSON.stringify(session.snapshot),
    updated_at: at,
    updated_by_user_id: savedBy,
  };
  const row =
    baseRevision === 0
      ? await db
          .insertInto('config_sessions')
          .values({ ...ownerColumns(owner), catalog_id: session.catalogId, ...content, revision: 1 })
          .onConflict((oc) => oc.columns(['owner_key', 'catalog_id']).doNothing())
          .returning('revision')
          .executeTakeFirst()
      : await db
          .updateTable('config_sessions')
          .set({ ...content, revision: baseRevision + 1 })
          .where('owner_key', '=', ownerKey(owner))
          .where('catalog_id', '=', session.catalogId)
          .where('revision', '=', baseRevision)
          .returning('revision')
          .executeTakeFirst();
  return row?.revision;
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
      updated_by_user_id: row.updated_by_user_id,
    };
    // Replacing the customer's: a new revision, so their other devices' next save is told it changed.
    await db
      .insertInto('config_sessions')
      .values({ ...ownerColumns({ customerId }), catalog_id: row.catalog_id, ...content })
      .onConflict((oc) =>
        oc
          .columns(['owner_key', 'catalog_id'])
          .doUpdateSet({ ...content, revision: sql<number>`config_sessions.revision + 1` }),
      )
      .execute();
  }
  return kept.length;
}

import type { Kysely } from 'kysely';
import { persistedSessionSchema, type PersistedSession } from '../../contract/session.schema.ts';
import type { ConfigSessionRow } from './config-sessions.table.ts';
import type { Database } from './database.ts';

export type SessionOwner = { customerId: string } | { guestId: string };

/** A stored session as the rest of the server sees it: the envelope, and when it was last saved. */
export interface StoredSession {
  session: PersistedSession;
  updatedAt: string;
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
function fromRow(row: ConfigSessionRow): StoredSession | undefined {
  const parsed = persistedSessionSchema.safeParse({
    format: row.format,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    snapshot: JSON.parse(row.snapshot) as unknown,
  });
  return parsed.success ? { session: parsed.data, updatedAt: row.updated_at } : undefined;
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
  return row && fromRow(row);
}

/** Stores the owner's session of `session.catalogId`, replacing the one there was. The caller has validated it. */
export async function upsertConfigSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  session: PersistedSession,
  at: string,
): Promise<void> {
  const content = {
    catalog_version: session.catalogVersion,
    format: session.format,
    snapshot: JSON.stringify(session.snapshot),
    updated_at: at,
  };
  await db
    .insertInto('config_sessions')
    .values({ ...ownerColumns(owner), catalog_id: session.catalogId, ...content })
    .onConflict((oc) => oc.columns(['owner_key', 'catalog_id']).doUpdateSet(content))
    .execute();
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
    };
    await db
      .insertInto('config_sessions')
      .values({ ...ownerColumns({ customerId }), catalog_id: row.catalog_id, ...content })
      .onConflict((oc) => oc.columns(['owner_key', 'catalog_id']).doUpdateSet(content))
      .execute();
  }
  return kept.length;
}

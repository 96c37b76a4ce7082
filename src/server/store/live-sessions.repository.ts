import type { Kysely } from 'kysely';
import { ownerKey, storedSessionOf, type StoredSession } from './config-sessions.repository.ts';
import type { Database } from './database.ts';

/**
 * A customer's live configuration sessions, one per catalog, most recently changed first. A row of another format
 * is left out, as the session routes treat it as none.
 */
export async function listLiveSessionsOfCustomer(
  db: Kysely<Database>,
  customerId: string,
): Promise<StoredSession[]> {
  const rows = await db
    .selectFrom('config_sessions')
    .selectAll()
    .where('owner_key', '=', ownerKey({ customerId }))
    .orderBy('updated_at', 'desc')
    .orderBy('catalog_id')
    .execute();
  return rows.flatMap((row) => {
    const stored = storedSessionOf(row);
    return stored ? [stored] : [];
  });
}

import type { Kysely } from 'kysely';
import { persistedSessionSchema } from '../../contract/session.schema.ts';
import { ownerKey, type StoredSession } from './config-sessions.repository.ts';
import type { Database } from './database.ts';

/**
 * A customer's live configuration sessions, one per catalog, most recently changed first. A row of another format
 * is left out, as the session routes treat it as none.
 */
export async function listLiveSessionsOfCustomer(
  db: Kysely<Database>,
  customerId: string,
): Promise<Pick<StoredSession, 'session' | 'updatedAt'>[]> {
  const rows = await db
    .selectFrom('config_sessions')
    .selectAll()
    .where('owner_key', '=', ownerKey({ customerId }))
    .orderBy('updated_at', 'desc')
    .orderBy('catalog_id')
    .execute();
  return rows.flatMap((row) => {
    const parsed = persistedSessionSchema.safeParse({
      format: row.format,
      catalogId: row.catalog_id,
      catalogVersion: row.catalog_version,
      snapshot: JSON.parse(row.snapshot) as unknown,
    });
    return parsed.success ? [{ session: parsed.data, updatedAt: row.updated_at }] : [];
  });
}

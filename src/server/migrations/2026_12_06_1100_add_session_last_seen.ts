import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Idle expiry (issue 19 §2): a session also ends after a spell without requests. `last_seen_at` slides forward at
 * most once a minute (plugins/auth.ts), so reading a session costs no write per request. Existing sessions count
 * as seen when they were created.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema.alterTable('sessions').addColumn('last_seen_at', timestamp).execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
}

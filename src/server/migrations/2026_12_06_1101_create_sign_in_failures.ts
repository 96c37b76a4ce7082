import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Failed sign-ins per e-mail address (issue 19 §2), in the database rather than in one process's memory, so the
 * lockout holds across server instances and restarts. Keyed by the typed address, whether or not an account has
 * it: locking only real accounts would tell who has one. A row goes on a successful sign-in or once stale.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_last_failed_idx')
    .on('sign_in_failures')
    .column('last_failed_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
}

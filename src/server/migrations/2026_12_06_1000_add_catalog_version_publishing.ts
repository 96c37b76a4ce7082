import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Versions published from the catalog editor (issue 18 §4): when each is live from (a future date schedules it),
 * the product manager's note and who published it, and when it was withdrawn by a rollback. Which version is live is
 * computed from these (the newest effective, not withdrawn), never stored, so a scheduled one goes live on its own.
 * Versions recorded before are live from when they were first loaded.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  // A NOT NULL column needs a default to be added to existing rows; the update then sets the real value.
  await db.schema
    .alterTable('catalog_versions')
    .addColumn('effective_at', timestamp, (c) => c.notNull().defaultTo('1970-01-01T00:00:00.000Z'))
    .execute();
  await sql`update catalog_versions set effective_at = published_at`.execute(db);
  await db.schema
    .alterTable('catalog_versions')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('catalog_versions')
    .addColumn('published_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('catalog_versions').addColumn('withdrawn_at', timestamp).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['withdrawn_at', 'published_by_user_id', 'note', 'effective_at'])
    await db.schema.alterTable('catalog_versions').dropColumn(column).execute();
}

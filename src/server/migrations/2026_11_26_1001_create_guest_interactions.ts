import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * A guest's configuration events, held apart from the customer log until the guest signs in: then they are appended
 * to `interactions` under the customer and removed here, so the customer log itself is never updated.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('guest_interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guest_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('catalog_id', 'text')
    .addColumn('catalog_version', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guest_interactions_guest_idx')
    .on('guest_interactions')
    .columns(['guest_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guest_interactions').execute();
}

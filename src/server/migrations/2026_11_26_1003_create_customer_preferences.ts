import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/** One row per customer: the learned profile as JSON (src/core/profile/preferences.ts), versioned inside. */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('customer_preferences')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('updated_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_preferences').execute();
}

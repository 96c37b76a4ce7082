import type { Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No cascade: the interaction log is append-only, so a customer with history cannot simply vanish.
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(oneOf('channel', ['web', 'store', 'phone'])))
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('catalog_id', 'text')
    .addColumn('catalog_version', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
  // The customer timeline is read newest first.
  await db.schema
    .createIndex('interactions_customer_time_idx')
    .on('interactions')
    .columns(['customer_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interactions').execute();
}

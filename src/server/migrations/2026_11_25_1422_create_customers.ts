import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const types = columnTypes(dialect);
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_number', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birthday', types.date)
    .addColumn('created_at', types.timestamp, (c) => c.notNull())
    .execute();
  // Login → own customer record, and sales staff looking a caller up by e-mail.
  await db.schema.createIndex('customers_user_id_idx').on('customers').column('user_id').execute();
  await db.schema.createIndex('customers_email_idx').on('customers').column('email').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customers').execute();
}

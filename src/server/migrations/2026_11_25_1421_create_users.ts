import type { Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // A check rather than a PostgreSQL enum type: portable, and a new role is a small migration.
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ['customer', 'sales', 'catalog'])))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('users').execute();
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, oneOf } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

const before = ['customer', 'sales', 'catalog'];
const after = [...before, 'store_manager'];

/**
 * Store managers: sales staff who also approve discounts beyond a salesperson's authority. PostgreSQL swaps the
 * role check; SQLite cannot alter a check, so the table is rebuilt the way SQLite documents (foreign keys off while
 * `users` is replaced, checked before they are on again). Kysely runs SQLite migrations outside a transaction, which
 * the pragma needs.
 */
async function allowRoles(db: Kysely<unknown>, dialect: SqlDialectName, roles: string[]): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table users drop constraint users_role_check`.execute(db);
    await sql`alter table users add constraint users_role_check check (${oneOf('role', roles)})`.execute(db);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.schema
      .createTable('users_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', roles)))
      .addColumn('password_hash', 'text')
      .addColumn('created_at', columnTypes(dialect).timestamp, (c) => c.notNull())
      .execute();
    await sql`insert into users_new (id, email, name, role, password_hash, created_at)
      select id, email, name, role, password_hash, created_at from users`.execute(db);
    await db.schema.dropTable('users').execute();
    await sql`alter table users_new rename to users`.execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`rebuilding users broke ${broken.rows.length} foreign keys`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await allowRoles(db, dialect, after);
}

export async function down(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await sql`delete from users where role = 'store_manager'`.execute(db);
  await allowRoles(db, dialect, before);
}

import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Where a birthday came from (issue 19 §4): the birthday discount needs one given before the month began
 * (`birthday_set_at`) or confirmed by staff in the store (`birthday_confirmed_at`, `birthday_confirmed_by`), so a
 * birthday typed at sign-up is not a discount the same day. Birthdays already stored count as given when the
 * customer record was created.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp } = columnTypes(dialect);
  await db.schema.alterTable('customers').addColumn('birthday_set_at', timestamp).execute();
  await db.schema.alterTable('customers').addColumn('birthday_confirmed_at', timestamp).execute();
  await db.schema
    .alterTable('customers')
    .addColumn('birthday_confirmed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`update customers set birthday_set_at = created_at where birthday is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').dropColumn('birthday_confirmed_by').execute();
  await db.schema.alterTable('customers').dropColumn('birthday_confirmed_at').execute();
  await db.schema.alterTable('customers').dropColumn('birthday_set_at').execute();
}

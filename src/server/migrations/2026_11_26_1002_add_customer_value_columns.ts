import { sql, type Kysely } from 'kysely';

/**
 * - `phone_normalized`: digits only, so staff find "+49 30 123" typed as "4930123";
 * - `estimated_annual_spend_cents`: what the customer spends on the category per year, from anyone (share of wallet).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('customers')
    .addColumn('phone_normalized', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('customers')
    .addColumn('estimated_annual_spend_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  // Backfill in code: regexp functions differ between SQLite and PostgreSQL.
  const rows = await sql<{ id: string; phone: string }>`select id, phone from customers`.execute(db);
  for (const row of rows.rows)
    await sql`update customers set phone_normalized = ${row.phone.replace(/[^\d]/g, '')} where id = ${row.id}`.execute(
      db,
    );
  await db.schema
    .createIndex('customers_phone_normalized_idx')
    .on('customers')
    .column('phone_normalized')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('customers_phone_normalized_idx').execute();
  await db.schema.alterTable('customers').dropColumn('estimated_annual_spend_cents').execute();
  await db.schema.alterTable('customers').dropColumn('phone_normalized').execute();
}

import type { Kysely } from 'kysely';

/**
 * `claim_code`: a walk-in registered in the store (a customer record with no login) gets a code, printed on their
 * quote, that lets them take the record over when they sign up online; an e-mail alone is never proof. Cleared once
 * claimed. Unique, so a code names one record; NULLs repeat freely on both dialects.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('claim_code', 'text').execute();
  await db.schema
    .createIndex('customers_claim_code_idx')
    .on('customers')
    .column('claim_code')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('customers_claim_code_idx').execute();
  await db.schema.alterTable('customers').dropColumn('claim_code').execute();
}

import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * A shopper's live configuration session per catalog (src/contract/session.schema.ts), so it continues on another
 * device. `owner_key` is `c:<customerId>` or `g:<guestId>`: one non-null key makes (owner, catalog) unique on both
 * dialects, where a unique index over two nullable owner columns would let NULLs repeat.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('config_sessions')
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('guest_id', 'text')
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'text', (c) => c.notNull())
    // The envelope's format, kept apart from the snapshot so a later format can tell old rows from its own.
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('updated_at', columnTypes(dialect).timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('config_sessions_pkey', ['owner_key', 'catalog_id'])
    // Exactly one owner, so a row is never both a guest's and a customer's.
    .addCheckConstraint('config_sessions_one_owner', sql`(customer_id is null) <> (guest_id is null)`)
    .execute();
  await db.schema
    .createIndex('config_sessions_customer_id_idx')
    .on('config_sessions')
    .column('customer_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('config_sessions').execute();
}

import { sql, type Kysely } from 'kysely';
import { weightedTerms } from '../../core/profile/search-terms.ts';
import type { SqlDialectName } from '../store/database.ts';

const CHUNK = 300;

/**
 * `customer_search_terms`: each customer's normalized name words, e-mail parts, phone digits and number forms
 * (core/profile/search-terms.ts), so staff find a customer from the first letters they type with an index range
 * scan (`term >= q and term < q || U+FFFF`) rather than a `like '%q%'` over every customer.
 * On PostgreSQL the term is `collate "C"`: under a language collation a btree cannot serve that range (nor
 * `like 'q%'`), and byte order is also SQLite's. `weight` ranks a match (exact number/e-mail/phone, first name, …).
 * Also indexes a staff member's store interactions by time (the console's "served recently").
 * Back-fills the existing customers with today's normalizer.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable('customer_search_terms')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('term', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_search_terms_pk', ['customer_id', 'term'])
    .execute();
  // The search reads one weight at a time in term order and stops after a page (customer-search.repository.ts);
  // the primary key (customer_id, term) checks a query's other words per candidate.
  await db.schema
    .createIndex('customer_search_terms_weight_term_idx')
    .on('customer_search_terms')
    .columns(['weight', 'term', 'customer_id'])
    .execute();
  // "Customers I served recently": a staff member's store interactions, newest first.
  await db.schema
    .createIndex('interactions_actor_channel_time_idx')
    .on('interactions')
    .columns(['actor_user_id', 'channel', 'created_at', 'customer_id'])
    .execute();

  const customers = await sql<{
    id: string;
    name: string;
    email: string;
    phone: string;
    customer_number: string;
  }>`select id, name, email, phone, customer_number from customers`.execute(db);
  const rows = customers.rows.flatMap((c) =>
    weightedTerms({ name: c.name, email: c.email, phone: c.phone, customerNumber: c.customer_number }).map(
      (t) => ({ customer_id: c.id, term: t.term, weight: t.weight }),
    ),
  );
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('customer_search_terms' as never)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('interactions_actor_channel_time_idx').execute();
  await db.schema.dropTable('customer_search_terms').execute();
}

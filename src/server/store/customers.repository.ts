import type { Kysely } from 'kysely';
import type { CustomerRow, NewCustomer } from './customers.table.ts';
import type { Database } from './database.ts';
import { newId, nowIso, type WithDefaults } from './ids.ts';

export async function insertCustomer(
  db: Kysely<Database>,
  customer: WithDefaults<NewCustomer, 'id' | 'created_at'>,
): Promise<CustomerRow> {
  return db
    .insertInto('customers')
    .values({ id: newId(), created_at: nowIso(), ...customer })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findCustomerById(db: Kysely<Database>, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCustomerByNumber(
  db: Kysely<Database>,
  customerNumber: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('customer_number', '=', customerNumber)
    .executeTakeFirst();
}

export async function findCustomerByUserId(
  db: Kysely<Database>,
  userId: string,
): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Customers in customer-number order, a page at a time. */
export async function listCustomers(
  db: Kysely<Database>,
  { limit = 50, offset = 0 } = {},
): Promise<CustomerRow[]> {
  return db
    .selectFrom('customers')
    .selectAll()
    .orderBy('customer_number')
    .limit(limit)
    .offset(offset)
    .execute();
}

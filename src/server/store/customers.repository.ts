import { sql, type Kysely } from 'kysely';
import type { CustomerRow, NewCustomer } from './customers.table.ts';
import type { Database } from './database.ts';
import { newId, nowIso, type WithDefaults } from './ids.ts';

/** Digits only: how phones are compared, whatever spaces, dashes or brackets people type. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

export const formatCustomerNumber = (n: number): string => `C-${String(n).padStart(6, '0')}`;

/** The next free `C-nnnnnn`. Two concurrent sign-ups may get the same one; the unique index refuses the second. */
export async function nextCustomerNumber(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.max('customer_number').as('max'))
    .where('customer_number', 'like', 'C-%')
    .executeTakeFirst();
  const last = Number(/^C-(\d+)$/.exec(row?.max ?? '')?.[1] ?? 0);
  return formatCustomerNumber(last + 1);
}

/**
 * Staff look-up: an exact customer number, e-mail (any case) or phone (digits compared), or a name containing `q`.
 * At most 20, by customer number.
 */
export async function lookupCustomers(db: Kysely<Database>, q: string): Promise<CustomerRow[]> {
  const digits = normalizePhone(q);
  return db
    .selectFrom('customers')
    .selectAll()
    .where((eb) => {
      const any = [
        eb('customer_number', '=', q.toUpperCase()),
        eb(sql<string>`lower(email)`, '=', q.toLowerCase()),
        eb(sql<string>`lower(name)`, 'like', `%${q.toLowerCase().replace(/[%_]/g, '')}%`),
      ];
      if (digits.length >= 6) any.push(eb('phone_normalized', 'like', `%${digits}`));
      return eb.or(any);
    })
    .orderBy('customer_number')
    .limit(20)
    .execute();
}

export async function insertCustomer(
  db: Kysely<Database>,
  customer: WithDefaults<NewCustomer, 'id' | 'created_at'>,
): Promise<CustomerRow> {
  return db
    .insertInto('customers')
    .values({
      id: newId(),
      created_at: nowIso(),
      phone_normalized: normalizePhone(customer.phone),
      ...customer,
    })
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

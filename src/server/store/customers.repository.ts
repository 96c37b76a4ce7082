import type { Kysely } from 'kysely';
import { writeSearchTerms } from './customer-search.repository.ts';
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

/** Inserts a customer with their search terms; run it in the caller's transaction so both or neither land. */
export async function insertCustomer(
  db: Kysely<Database>,
  customer: WithDefaults<NewCustomer, 'id' | 'created_at'>,
): Promise<CustomerRow> {
  const row = await db
    .insertInto('customers')
    .values({
      id: newId(),
      created_at: nowIso(),
      phone_normalized: normalizePhone(customer.phone),
      ...customer,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeSearchTerms(db, row);
  return row;
}

/** A customer with the given e-mail (any case) or phone digits, if any: who a walk-in may already be. */
export async function findCustomerByContact(
  db: Kysely<Database>,
  { email, phone }: { email: string; phone: string },
): Promise<CustomerRow | undefined> {
  const digits = normalizePhone(phone);
  if (!email && !digits) return undefined;
  return db
    .selectFrom('customers')
    .selectAll()
    .where((eb) =>
      eb.or([
        // E-mails are stored lower-case (the contract lower-cases them), so the e-mail index serves this.
        ...(email ? [eb('email', '=', email.toLowerCase())] : []),
        ...(digits ? [eb('phone_normalized', '=', digits)] : []),
      ]),
    )
    .orderBy('customer_number')
    .executeTakeFirst();
}

/**
 * Hands a walk-in's record to the account that presented its claim code: links the login, clears the code (one
 * use) and takes the account's e-mail (and phone, when given). @returns undefined when no unclaimed record has
 * that code; the `user_id is null` condition makes two concurrent claims of one code succeed at most once.
 */
export async function claimCustomer(
  db: Kysely<Database>,
  code: string,
  account: { userId: string; email: string; phone: string },
): Promise<CustomerRow | undefined> {
  const row = await db
    .updateTable('customers')
    .set({
      user_id: account.userId,
      claim_code: null,
      email: account.email,
      ...(account.phone ? { phone: account.phone, phone_normalized: normalizePhone(account.phone) } : {}),
    })
    .where('claim_code', '=', code)
    .where('user_id', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (row) await writeSearchTerms(db, row);
  return row;
}

/** Whether a walk-in's record waits to be claimed with `code` (checked again when the claim is made). */
export async function isClaimable(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('claim_code', '=', code)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
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

import type { Kysely } from 'kysely';
import { notFound } from '../errors.ts';
import { findCustomerById } from '../store/customers.repository.ts';
import type { Database } from '../store/database.ts';
import type { CustomerRow } from '../store/customers.table.ts';

/** The customer staff are serving. @throws HttpError 404 `customer_not_found`. */
export async function customerOr404(db: Kysely<Database>, id: string): Promise<CustomerRow> {
  const customer = await findCustomerById(db, id);
  if (!customer) throw notFound('customer_not_found', `No customer "${id}".`);
  return customer;
}

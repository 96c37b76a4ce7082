import type { Insertable, Selectable } from 'kysely';
import type { TermWeight } from '../../core/profile/search-terms.ts';

/** What a customer is found by: one row per normalized term (core/profile/search-terms.ts); rewritten on change. */
export interface CustomerSearchTermsTable {
  customer_id: string;
  term: string;
  /** How a match on this term ranks; see `TermWeight`. */
  weight: TermWeight;
}
export type CustomerSearchTermRow = Selectable<CustomerSearchTermsTable>;
export type NewCustomerSearchTerm = Insertable<CustomerSearchTermsTable>;

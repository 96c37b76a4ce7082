import type { Generated, Insertable, Selectable } from 'kysely';

/** A customer known to the company; may exist before (or without) a login, e.g. met in a store. */
export interface CustomersTable {
  id: string;
  /** Human-facing number sales staff quote on the phone, e.g. `C-000001`; unique. */
  customer_number: string;
  user_id: string | null;
  email: string;
  phone: string;
  name: string;
  /** ISO date `YYYY-MM-DD`. */
  birthday: string | null;
  created_at: string;
  /** Digits of `phone`, for staff look-ups whatever the formatting. */
  phone_normalized: Generated<string>;
  /** Estimated yearly spend on the category from any seller; the denominator of share of wallet. */
  estimated_annual_spend_cents: Generated<number>;
  /** A walk-in's code to take the record over online (printed on their quote); null once claimed or never issued. */
  claim_code: Generated<string | null>;
  /** When the birthday was given (sign-up, the customer's own edit): the birthday discount needs it before the month. */
  birthday_set_at: Generated<string | null>;
  /** Staff checked it in the store (an ID shown): the birthday discount then applies whenever it was given. */
  birthday_confirmed_at: Generated<string | null>;
  birthday_confirmed_by: Generated<string | null>;
}
export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;

import type { Insertable, Selectable } from 'kysely';

export interface QuotesTable {
  id: string;
  customer_id: string;
  build_id: string | null;
  catalog_id: string;
  catalog_version: string;
  /** JSON of BuildSelections. */
  selections: string;
  /** JSON of the price lines the server computed (options, rules, discounts). */
  lines: string;
  currency: string;
  total_cents: number;
  created_at: string;
  valid_until: string;
}
export type QuoteRow = Selectable<QuotesTable>;
export type NewQuote = Insertable<QuotesTable>;

import type { Generated, Insertable, Selectable } from 'kysely';
import type { InteractionChannel } from './interactions.table.ts';

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
  /** The quote group this row is one revision of (the first revision's id). */
  group_id: string;
  /** 1, 2, … within the group; revising adds a row and cancels none. */
  revision: Generated<number>;
  /** The customer's price before the staff discount (tier offers included). */
  list_total_cents: number | null;
  /** The staff discount in hundredths of a percent (1250 = 12.5 %). */
  discount_bp: Generated<number>;
  /** The staff member who made this revision; null when the customer quoted themselves online. */
  created_by_user_id: string | null;
  channel: Generated<InteractionChannel>;
  /** The approval that allowed a discount above the maker's own authority. */
  approval_request_id: string | null;
  approved_by_user_id: string | null;
  approved_at: string | null;
}
export type QuoteRow = Selectable<QuotesTable>;
export type NewQuote = Insertable<QuotesTable>;

import type { Insertable, Selectable } from 'kysely';
import type { InteractionChannel } from './interactions.table.ts';

export interface OrdersTable {
  id: string;
  customer_id: string;
  build_id: string | null;
  channel: InteractionChannel;
  catalog_id: string;
  catalog_version: string;
  /** JSON of BuildSelections. */
  selections: string;
  /** JSON of the price lines the server computed (options, rules, discounts). */
  lines: string;
  currency: string;
  total_cents: number;
  /** Σ option cost × quantity at the ordered catalog version; revenue − cost is the order's margin. */
  cost_cents: number;
  created_at: string;
  /** The quote revision this order was placed from (its price kept while the quote was valid). */
  quote_id: string | null;
}
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;

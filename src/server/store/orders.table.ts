import type { Generated, Insertable, Selectable } from 'kysely';
import type { OrderStatus } from '../../core/orders/status.ts';
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
  /** Where the order is in its lifecycle (core/orders/status.ts); only paid and delivered ones are sales. */
  status: Generated<OrderStatus>;
  /** When it entered that status; null only for rows inserted before the lifecycle, which the migration filled. */
  status_at: string | null;
}

/** One move of an order's status: who (a staff member or an integration), when, through which channel. */
export interface OrderStatusChangesTable {
  id: string;
  order_id: string;
  /** 1, 2, … per order. */
  seq: number;
  from_status: OrderStatus;
  to_status: OrderStatus;
  channel: InteractionChannel | 'api';
  actor_user_id: string | null;
  actor_integration: string | null;
  note: string | null;
  created_at: string;
}
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderStatusChangeRow = Selectable<OrderStatusChangesTable>;

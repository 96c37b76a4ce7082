/**
 * An order's lifecycle (issue 19 §4): placed → paid → delivered, and cancelled from placed or paid (a paid order
 * cancelled is refunded outside this system; the row keeps who cancelled it and when). Delivered and cancelled are
 * final: a delivered order that comes back is a return, which this shop does not model. Only paid and delivered
 * orders are sales: customer value, tiers and their offers, and what the public sales figures count.
 */
export const ORDER_STATUSES = ['placed', 'paid', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ['paid', 'cancelled'],
  paid: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

/** The statuses an order in `status` may move to next, in the order a console offers them. */
export function nextStatuses(status: OrderStatus): readonly OrderStatus[] {
  return NEXT[status];
}

export type Transition =
  | { ok: true; from: OrderStatus; to: OrderStatus }
  | { ok: false; from: OrderStatus; to: OrderStatus; allowed: readonly OrderStatus[] };

/**
 * Whether an order may move from `from` to `to`.
 * @post ok exactly when `to` is one of nextStatuses(from); a refusal carries what is allowed instead.
 */
export function transition(from: OrderStatus, to: OrderStatus): Transition {
  const allowed = NEXT[from];
  return allowed.includes(to) ? { ok: true, from, to } : { ok: false, from, to, allowed };
}

/** Whether an order in this status is a sale: paid for, delivered or not. */
export function isSale(status: OrderStatus): boolean {
  return status === 'paid' || status === 'delivered';
}

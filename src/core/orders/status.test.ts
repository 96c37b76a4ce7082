import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, isSale, nextStatuses, transition, type OrderStatus } from './status.ts';

describe('order status transitions', () => {
  it('follows placed → paid → delivered, with cancel from placed or paid only', () => {
    expect(transition('placed', 'paid').ok).toBe(true);
    expect(transition('paid', 'delivered').ok).toBe(true);
    expect(transition('placed', 'cancelled').ok).toBe(true);
    expect(transition('paid', 'cancelled').ok).toBe(true);
    expect(transition('placed', 'delivered')).toEqual({
      ok: false,
      from: 'placed',
      to: 'delivered',
      allowed: ['paid', 'cancelled'],
    });
    expect(transition('delivered', 'cancelled').ok).toBe(false);
    expect(transition('cancelled', 'paid').ok).toBe(false);
  });

  it('never stays in place, never leaves a final status, and counts only paid and delivered as sales', () => {
    const status = fc.constantFrom<OrderStatus>(...ORDER_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        const t = transition(from, to);
        if (from === to) expect(t.ok).toBe(false);
        if (from === 'delivered' || from === 'cancelled') expect(t.ok).toBe(false);
        expect(t.ok).toBe(nextStatuses(from).includes(to));
        // Every path a sale can take ends in delivered or cancelled, never back to placed.
        if (t.ok) expect(to).not.toBe('placed');
      }),
    );
    expect(ORDER_STATUSES.filter(isSale)).toEqual(['paid', 'delivered']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadForCustomer, staffAsCustomerSees } from './own-timeline.ts';

describe('what the customer reads of a staff entry', () => {
  it('keeps a note only when shared, and never a user id', () => {
    expect(payloadForCustomer({ note: 'internal' })).toEqual({});
    expect(payloadForCustomer({ note: 'internal', shared: false })).toEqual({});
    expect(payloadForCustomer({ note: 'hello', shared: true, totalCents: 5 })).toEqual({
      note: 'hello',
      totalCents: 5,
    });
    expect(payloadForCustomer({ approverUserId: 'u-1', user_id: 'u-2', quoteId: 'q' })).toEqual({
      quoteId: 'q',
    });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (payload) => {
        const seen = payloadForCustomer(payload);
        if (payload.shared !== true) expect(seen).not.toHaveProperty('note');
        expect(seen).not.toHaveProperty('shared');
        expect(Object.keys(seen).filter((k) => /user_?id$/i.test(k))).toEqual([]);
      }),
    );
  });

  it('names staff by first name and role', () => {
    expect(staffAsCustomerSees({ name: '  Sam  Okafor ', role: 'sales' })).toEqual({
      who: 'staff',
      name: 'Sam',
      role: 'sales',
    });
  });
});

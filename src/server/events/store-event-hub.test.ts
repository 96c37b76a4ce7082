import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import { createInProcessNotifier } from './in-process-notifier.ts';
import {
  createStoreEventHub,
  mayReceive,
  type EventStreamClient,
  type RoutedStoreEvent,
} from './store-event-hub.ts';

const request: ApprovalRequest = {
  id: 'r-1',
  status: 'pending',
  customer: { id: 'c-1', name: 'Anna', tier: 'Customer', lifetimeRevenueCents: 0, lifetimeMarginCents: 0 },
  groupId: null,
  buildId: 'b-1',
  catalogId: 'pc',
  catalogVersion: '1',
  selections: { cpu: { a: 1 } },
  currency: 'EUR',
  discountPercent: 8,
  listTotalCents: 100_00,
  totalCents: 92_00,
  note: null,
  requestedBy: { name: 'Sam', role: 'sales' },
  createdAt: '2026-11-20T12:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  reason: null,
  sincePrevious: null,
};
const routed = (kind: RoutedStoreEvent['event']['kind']): RoutedStoreEvent => ({
  event: { kind, request },
  requestedByUserId: 'sam',
});

describe('who receives a store event', () => {
  it('managers every approval event, the requesting salesperson only the decision, nobody else anything', () => {
    const table = (
      [
        ['mia', 'store_manager'],
        ['sam', 'sales'],
        ['tom', 'sales'],
        ['cara', 'catalog'],
        ['sam', 'customer'],
      ] as const
    ).map(([userId, role]) => [
      `${userId}/${role}`,
      mayReceive({ userId, role }, routed('approval.requested')),
      mayReceive({ userId, role }, routed('approval.decided')),
    ]);
    expect(table).toEqual([
      ['mia/store_manager', true, true],
      ['sam/sales', false, true],
      ['tom/sales', false, false],
      ['cara/catalog', false, false],
      ['sam/customer', false, false],
    ]);
  });
});

describe('the hub', () => {
  it('reads each notice once, pushes it to the clients that may see it, and ends them when closed', async () => {
    const notifier = createInProcessNotifier();
    const loads: string[] = [];
    const errors: unknown[] = [];
    let delivered!: () => void;
    const allDelivered = new Promise<void>((resolve) => (delivered = resolve));
    const hub = createStoreEventHub({
      notifier,
      load: (notice) => {
        loads.push(notice.requestId);
        return Promise.resolve(notice.requestId === 'gone' ? undefined : routed(notice.kind));
      },
      onError: (error) => errors.push(error),
    });
    const seen: string[] = [];
    const client = (userId: string, role: EventStreamClient['role']): EventStreamClient => ({
      userId,
      role,
      send: (event) => {
        seen.push(`${userId}:${event.kind}`);
        if (seen.length === 3) delivered();
      },
      end: () => seen.push(`${userId}:end`),
    });
    hub.add(client('mia', 'store_manager'));
    const removeTom = hub.add(client('tom', 'sales'));
    hub.add(client('sam', 'sales'));
    removeTom();
    await notifier.publish({ kind: 'approval.requested', requestId: 'gone' });
    await notifier.publish({ kind: 'approval.requested', requestId: 'r-1' });
    await notifier.publish({ kind: 'approval.decided', requestId: 'r-1' });
    await allDelivered;
    expect(loads).toEqual(['gone', 'r-1', 'r-1']);
    expect(errors).toEqual([]);
    hub.close();
    expect(seen).toEqual([
      'mia:approval.requested',
      'mia:approval.decided',
      'sam:approval.decided',
      'mia:end',
      'sam:end',
    ]);
  });
});

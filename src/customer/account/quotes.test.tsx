// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckoutResponse } from '../../contract/orders.schema.ts';
import type { QuoteGroup } from '../../contract/store-quotes.schema.ts';
import { revision } from '../../../test/fixtures/store-quotes.ts';
import { anna, renderApp, serve } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const first = revision(1, { valid: false, validUntil: '2026-11-30T12:00:00.000Z', catalogId: 'pc' });
const second = revision(2, {
  catalogId: 'pc',
  discountPercent: 12,
  approvedBy: { name: 'Mia', role: 'store_manager' },
  approvedAt: '2026-12-02T11:00:00.000Z',
});
const group: QuoteGroup = {
  groupId: 'g-1234567890',
  customerId: 'c-anna',
  revisions: [first, second],
  diffs: [],
};

const order: CheckoutResponse = {
  id: 'o-1',
  buildId: 'b-1',
  catalogId: 'pc',
  catalogVersion: '2026.11.1',
  selections: {},
  currency: 'EUR',
  lines: [],
  totalCents: 40_480,
  createdAt: '2026-12-06T10:00:00.000Z',
};

describe('the account’s quotes', () => {
  it('lists each quote with its revisions, newest first, and accepts one after asking: the order appears', async () => {
    let orders: CheckoutResponse[] = [];
    let groups = [group];
    const calls = serve({
      'GET /api/me': { status: 200, body: anna },
      'GET /api/builds': { status: 200, body: [] },
      'GET /api/orders': () => ({ status: 200, body: orders }),
      'GET /api/me/quotes': () => ({ status: 200, body: groups }),
      'POST /api/me/quotes/q-2/accept': () => {
        orders = [order];
        groups = [{ ...group, revisions: [first, { ...second, orderId: 'o-1' }] }];
        return { status: 201, body: order };
      },
    });
    renderApp('/account');
    const table = await screen.findByRole('table', { name: 'Aurora Desktop · quote Q-G1234567' });
    const [, newest = table, oldest] = within(table).getAllByRole('row');
    expect(newest).toHaveTextContent(
      /Revision 2.*in the store with Sam Okafor.*31 Dec 2026.*12 % store discount, approved by Mia.*€404\.80/,
    );
    expect(oldest).toHaveTextContent(/Revision 1.*30 Nov 2026.*expired.*€460/);
    expect(within(newest).getByRole('link', { name: 'PDF Revision 2' })).toHaveAttribute(
      'href',
      '/api/quotes/q-2/pdf?lang=en',
    );

    const user = userEvent.setup();
    await user.click(within(newest).getByRole('button', { name: 'Accept Revision 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Accept revision 2?' });
    expect(dialog).toHaveTextContent('You order this build at the quoted price of €404.80.');
    await user.click(within(dialog).getByRole('button', { name: 'Accept and order' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your order of €404.80 is placed');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ expectedTotalCents: 40_480 });
    const ordersRegion = screen.getByRole('region', { name: 'Orders' });
    await waitFor(() => expect(ordersRegion).toHaveTextContent('€404.80'));
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('ordered'));
    expect(within(table).queryByRole('button', { name: 'Accept Revision 2' })).not.toBeInTheDocument();
  });

  it('cancelling the question places no order', async () => {
    const calls = serve({
      'GET /api/me': { status: 200, body: anna },
      'GET /api/builds': { status: 200, body: [] },
      'GET /api/orders': { status: 200, body: [] },
      'GET /api/me/quotes': { status: 200, body: [group] },
    });
    renderApp('/account');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Accept Revision 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Accept revision 1?' });
    expect(dialog).toHaveTextContent('This revision has expired');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { QuoteGroup } from '../../contract/store-quotes.schema.ts';
import { serveFakeApi } from '../../../test/fixtures/fake-api.ts';
import { catalog, relationship, revision } from '../../../test/fixtures/store-quotes.ts';
import { QuotePage } from './quote-page.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Where() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/store/customers/c-anna/quotes/g-1']}>
        <Routes>
          <Route path="/store/customers/:customerId/quotes/:quoteId" element={<QuotePage />} />
          <Route path="/store/customers/:customerId/quotes/new" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const changedSelections = { cpu: { 'cpu-intel': 1 }, board: { 'mb-z790': 1 }, psu: { 'psu-450': 1 } };
const group: QuoteGroup = {
  groupId: 'g-1',
  customerId: 'c-anna',
  revisions: [
    revision(1, { valid: false }),
    revision(2, {
      selections: changedSelections,
      discountPercent: 12,
      totalCents: 40_480,
      approvedBy: { name: 'Mia Chen', role: 'store_manager' },
      approvedAt: '2026-12-02T11:00:00.000Z',
    }),
  ],
  diffs: [
    {
      from: 1,
      to: 2,
      options: [
        { slot: 'cpu', before: ['cpu-amd'], after: ['cpu-intel'] },
        { slot: 'board', before: ['mb-b650'], after: ['mb-z790'] },
      ],
      catalogVersion: null,
      discountPercent: { before: 0, after: 12 },
      totalCents: { before: 46_000, after: 40_480 },
      validUntil: null,
    },
  ],
};

describe('QuotePage', () => {
  it('shows the revisions side by side, oldest first, with validity, approval and the differences marked', async () => {
    serveFakeApi({
      'GET /api/customers/c-anna': { status: 200, body: relationship },
      'GET /api/catalogs/mini': { status: 200, body: catalog },
      'GET /api/store/customers/c-anna/quotes/g-1': { status: 200, body: group },
    });
    renderPage();
    const revisions = await screen.findByRole('group', { name: 'Revisions side by side, oldest first' });
    const [first, second] = within(revisions).getAllByRole('region');
    expect(first).toHaveAccessibleName('Revision 1');
    expect(second).toHaveAccessibleName('Revision 2 · newest');
    expect(first).toHaveTextContent('expired');
    expect(second).toHaveTextContent('valid');
    expect(first).toHaveTextContent('No approval needed');
    expect(second).toHaveTextContent('Discount approved by Mia Chen on 2 Dec 2026');
    expect(await within(second as HTMLElement).findByText('Core i9')).toBeVisible();
    expect(second).toHaveTextContent('Processor · changed');
    expect(first).not.toHaveTextContent('changed');
    const changes = within(second as HTMLElement).getByRole('heading', { name: 'Changes from revision 1' });
    expect(changes.nextElementSibling?.textContent).toBe(
      'Processor: Ryzen 5 → Core i9Motherboard: B650 → Z790Discount: 0 % → 12 %Total: €460 → €404.80',
    );
    expect(
      within(second as HTMLElement).getByRole('link', { name: 'Download PDF Revision 2' }),
    ).toHaveAttribute('href', '/api/quotes/q-2/pdf?lang=en');
    await userEvent
      .setup()
      .click(within(second as HTMLElement).getByRole('link', { name: 'Revise Revision 2' }));
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/store/customers/c-anna/quotes/new?build=b-1&group=g-1',
    );
  });

  it('orders a revision at its price after confirming, then shows the order', async () => {
    let ordered = false;
    const calls = serveFakeApi({
      'GET /api/customers/c-anna': { status: 200, body: relationship },
      'GET /api/catalogs/mini': { status: 200, body: catalog },
      'GET /api/store/customers/c-anna/quotes/g-1': () => ({
        status: 200,
        body: ordered
          ? {
              ...group,
              revisions: [group.revisions[0], { ...group.revisions[1], orderId: 'order-123456789' }],
            }
          : group,
      }),
      'POST /api/store/customers/c-anna/quotes/q-2/order': () => {
        ordered = true;
        return {
          status: 201,
          body: {
            id: 'order-123456789',
            buildId: 'b-1',
            catalogId: 'mini',
            catalogVersion: '2026.11.0',
            selections: changedSelections,
            currency: 'EUR',
            lines: [],
            totalCents: 40_480,
            createdAt: '2026-12-06T10:00:00.000Z',
          },
        };
      },
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Order at this price Revision 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Order revision 2?' });
    expect(dialog).toHaveTextContent('An order for Anna Berger at €404.80, the quoted price.');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Place the order' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Order order-12 placed: €404.80.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ expectedTotalCents: 40_480 });
    expect(await screen.findByText('Ordered (order order-12)')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Order at this price Revision 2' })).not.toBeInTheDocument();
  });
});

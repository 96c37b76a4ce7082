// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { RelationshipResponse } from '../../contract/customers.schema.ts';
import type { TimelineItem } from '../../contract/interactions.schema.ts';
import type { PurchaseQuarter } from '../../contract/store-customer.schema.ts';
import { serveFakeApi as serve } from '../../../test/fixtures/fake-api.ts';
import { CustomerPage } from './customer-page.tsx';
import '../../ui/i18n/i18n.ts';

// jsdom has no layout for recharts to measure; the real chart is looked at in the e2e test and its screenshots.
vi.mock('./purchases-chart.tsx', () => ({
  default: ({ series }: { series: PurchaseQuarter[] }) => <p>chart of {series.length} quarters</p>,
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const catalogs = [
  {
    id: 'pc',
    name: 'Aurora Desktop',
    description: '',
    version: '2026.12.0',
    currency: 'EUR',
    slotCount: 2,
    optionCount: 4,
  },
  {
    id: 'car',
    name: 'Veyra Lumo',
    description: '',
    version: '2026.12.0',
    currency: 'EUR',
    slotCount: 2,
    optionCount: 4,
  },
];

const relationship: RelationshipResponse = {
  customer: {
    id: 'c-ben',
    customerNumber: 'C-000042',
    name: 'Ben Walker',
    email: 'ben@example.com',
    phone: '',
    birthday: null,
  },
  hasLogin: false,
  value: {
    lifetimeRevenueCents: 1_250_000,
    lifetimeMarginCents: 300_000,
    serviceCostCents: 2_500,
    netMarginCents: 297_500,
    shareOfWallet: 0.2,
    revenueInWindowCents: 400_000,
    estimatedAnnualSpendCents: 2_000_000,
    purchasesPerYear: 1,
    activeProbability: 0.9,
    expectedPurchases: 1.4,
    expectedUpcomingRevenueCents: 900_000,
    lastOrderAt: '2026-09-18T10:00:00.000Z',
  },
  tier: {
    class: 'mgc',
    label: 'Most growable',
    quadrant: 'low-large',
    share: 'low',
    upcoming: 'large',
    strategy: 'keep or win',
    discountAuthorityPercent: 8,
    offers: [{ id: 'welcome-back-2', label: 'Welcome-back discount', percent: 2 }],
    reasons: [],
  },
  preferences: {
    personalization: true,
    halfLifeDays: 180,
    preferences: [
      {
        key: 'pc/attr/gpuBrand/NVIDIA',
        kind: 'affinity',
        catalogId: 'pc',
        dimension: 'GPU brand',
        value: 'NVIDIA',
        score: 0.9,
        confidence: 0.8,
        source: 'learned',
        evidence: 'You chose NVIDIA in 4 of 4 choices.',
      },
    ],
    leanings: [],
  },
  builds: [
    {
      id: 'b-1',
      name: 'Gaming rig',
      catalogId: 'pc',
      catalogVersion: '2026.12.0',
      selections: {},
      priceCents: 250_000,
      complete: true,
      valid: true,
      createdAt: '2026-06-01T10:00:00.000Z',
      updatedAt: '2026-06-02T10:00:00.000Z',
    },
  ],
  orders: [
    {
      id: 'order-12345678',
      catalogId: 'car',
      catalogVersion: '2026.12.0',
      channel: 'store',
      totalCents: 1_000_000,
      createdAt: '2026-09-18T10:00:00.000Z',
      status: 'placed',
      next: ['paid', 'cancelled'],
    },
  ],
  recentInteractions: [],
  currency: 'EUR',
  purchases: [
    { quarter: '2026-Q2', start: '2026-04-01', revenueCents: 250_000, orders: 1 },
    { quarter: '2026-Q3', start: '2026-07-01', revenueCents: 1_000_000, orders: 1 },
  ],
  quotes: [
    {
      id: 'quote-aaaa1111',
      number: 'Q-AAAA1111',
      revision: 2,
      catalogId: 'pc',
      catalogVersion: '2026.12.0',
      currency: 'EUR',
      totalCents: 240_000,
      createdAt: '2026-11-01T10:00:00.000Z',
      validUntil: '2026-12-01T10:00:00.000Z',
      valid: true,
    },
    {
      id: 'quote-bbbb2222',
      number: 'Q-BBBB2222',
      revision: 1,
      catalogId: 'car',
      catalogVersion: '2026.12.0',
      currency: 'EUR',
      totalCents: 990_000,
      createdAt: '2026-01-01T10:00:00.000Z',
      validUntil: '2026-01-31T10:00:00.000Z',
      valid: false,
    },
  ],
  sessions: [
    {
      catalogId: 'car',
      catalogName: 'Veyra Lumo',
      catalogVersion: '2026.12.0',
      choices: 2,
      options: ['Signal red', 'Panorama roof'],
      undoSteps: 3,
      updatedAt: '2026-11-19T16:30:00.000Z',
    },
  ],
  authority: { role: 'sales', ownPercent: 8, limitPercent: 15 },
};

const entry = (id: string, over: Partial<TimelineItem>): TimelineItem => ({
  id,
  kind: 'store.visit',
  channel: 'store',
  actor: { id: 'u-sam', name: 'Sam Okafor', role: 'sales' },
  at: '2026-11-19T10:00:00.000Z',
  catalogId: null,
  catalogVersion: null,
  payload: {},
  ...over,
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/store/customers/c-ben']}>
        <Routes>
          <Route path="/store/customers/:customerId" element={<CustomerPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const region = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('CustomerPage', () => {
  it('shows who, value, strategy with authority, purchases, preferences, builds, sessions, quotes and orders', async () => {
    serve({
      'GET /api/customers/c-ben': { status: 200, body: relationship },
      'GET /api/catalogs': { status: 200, body: catalogs },
      'GET /api/customers/c-ben/timeline': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Ben Walker' });
    expect(screen.getByText('MGC · Most growable')).toBeVisible();
    expect(region('Customer')).toHaveTextContent('C-000042');
    expect(region('Customer')).toHaveTextContent('Walk-in (no login yet)');

    const value = region('Value');
    expect(value).toHaveTextContent('Lifetime revenue€12,500');
    expect(value).toHaveTextContent('Lifetime margin€3,000');
    expect(value).toHaveTextContent('Share of wallet20%');
    expect(value).toHaveTextContent('Expected purchases (12 months)1.4');
    expect(value).toHaveTextContent('Expected upcoming revenue€9,000');

    const strategy = region('Strategy');
    expect(within(strategy).getByRole('heading')).toHaveTextContent('Strategy: Keep or win');
    expect(within(strategy).getByRole('listitem', { current: true })).toHaveTextContent('Keep or win');
    expect(strategy).toHaveTextContent('Large upcoming spend, mostly going elsewhere');
    expect(strategy).toHaveTextContent('Most growable: they spend far more elsewhere');
    expect(strategy).toHaveTextContent(
      'Your discount authority: up to 8 % on your own, up to 15 % with a store manager’s approval.',
    );

    const purchases = region('Purchases over time');
    expect(purchases).toHaveTextContent(
      '2 orders worth €12,500 from 2026-Q2 to 2026-Q3; best quarter 2026-Q3 (€10,000).',
    );
    expect(await within(purchases).findByText('chart of 2 quarters')).toBeInTheDocument();
    expect(within(purchases).getByRole('row', { name: '2026-Q3 1 €10,000' })).toBeInTheDocument();

    expect(region('Learned preferences')).toHaveTextContent('GPU brand: NVIDIA 80 % sure');
    expect(region('Learned preferences')).toHaveTextContent('You chose NVIDIA in 4 of 4 choices.');

    expect(within(region('Saved builds')).getByRole('link', { name: 'Continue Gaming rig' })).toHaveAttribute(
      'href',
      '/store/customers/c-ben/configure/pc?build=b-1',
    );
    const sessions = region('Live web sessions');
    expect(sessions).toHaveTextContent('Veyra Lumo');
    expect(sessions).toHaveTextContent('2 choices made');
    expect(sessions).toHaveTextContent('Signal red · Panorama roof');
    expect(sessions).toHaveTextContent('3 steps to undo');
    expect(within(sessions).getByRole('link', { name: 'Continue the Veyra Lumo session' })).toHaveAttribute(
      'href',
      '/store/customers/c-ben/configure/car?session=web',
    );
    expect(
      await within(sessions).findByRole('link', { name: 'Configure a new Aurora Desktop' }),
    ).toHaveAttribute('href', '/store/customers/c-ben/configure/pc');

    const quotes = within(region('Quotes')).getAllByRole('row');
    expect(quotes[1]).toHaveTextContent(/Q-AAAA1111, revision 2.*Aurora Desktop.*€2,400.*valid/);
    expect(within(quotes[1] as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      '/store/customers/c-ben/quotes/quote-aaaa1111',
    );
    expect(quotes[2]).toHaveTextContent(/^Q-BBBB2222Veyra Lumo.*expired/);
    expect(within(region('Orders')).getAllByRole('row')[1]).toHaveTextContent(
      /order-12.*Veyra Lumo.*In store.*€10,000/,
    );
  });

  it('moves an order on only after confirming, then reads the relationship again', async () => {
    let reads = 0;
    const calls = serve({
      'GET /api/customers/c-ben': () => {
        reads++;
        const order = relationship.orders[0];
        if (!order) throw new Error('the fixture has an order');
        const moved =
          reads > 1
            ? { ...order, status: 'paid' as const, next: ['delivered' as const, 'cancelled' as const] }
            : order;
        return { status: 200, body: { ...relationship, orders: [moved] } };
      },
      'GET /api/catalogs': { status: 200, body: catalogs },
      'GET /api/customers/c-ben/timeline': { status: 200, body: { items: [], nextCursor: null } },
      'POST /api/orders/order-12345678/status': {
        status: 200,
        body: { id: 'order-12345678', status: 'paid', next: ['delivered', 'cancelled'], history: [] },
      },
    });
    const user = userEvent.setup();
    renderPage();
    const orders = await screen.findByRole('region', { name: /^Orders/ });
    expect(within(orders).getByText('Placed')).toBeInTheDocument();
    expect(within(orders).getByRole('button', { name: 'Cancel order order-12' })).toBeInTheDocument();

    await user.click(within(orders).getByRole('button', { name: 'Mark paid: order order-12' }));
    const dialog = screen.getByRole('dialog', { name: 'Payment received for order order-12?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep as it is' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(within(orders).getByRole('button', { name: 'Mark paid: order order-12' }));
    await user.click(screen.getByRole('button', { name: 'Mark paid' }));
    await waitFor(() => expect(within(orders).getByText('Paid')).toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: '/api/orders/order-12345678/status', body: { to: 'paid' } },
    ]);
    expect(
      within(orders).getByRole('button', { name: 'Mark delivered: order order-12' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('filters the timeline by channel, pages it, marks notes internal or shared, and adds a note', async () => {
    const notes: unknown[] = [];
    const calls = serve({
      'GET /api/customers/c-ben': { status: 200, body: relationship },
      'GET /api/catalogs': { status: 200, body: catalogs },
      'GET /api/customers/c-ben/timeline?limit=20': {
        status: 200,
        body: {
          items: [
            entry('1', { payload: { note: 'Thinks the price is high', shared: false } }),
            entry('2', {
              kind: 'call',
              channel: 'phone',
              payload: { note: 'Delivery on Friday', shared: true },
            }),
          ],
          nextCursor: 'c-2',
        },
      },
      'GET /api/customers/c-ben/timeline?limit=20&before=c-2': {
        status: 200,
        body: {
          items: [
            entry('3', { kind: 'order.placed', channel: 'web', actor: null, payload: { totalCents: 100 } }),
          ],
          nextCursor: null,
        },
      },
      'GET /api/customers/c-ben/timeline?limit=20&channel=store': {
        status: 200,
        body: { items: [entry('1', { payload: { note: 'Thinks the price is high' } })], nextCursor: null },
      },
      'POST /api/customers/c-ben/interactions': (body) => {
        notes.push(body);
        return { status: 201, body: entry('n', { payload: body as Record<string, unknown> }) };
      },
    });
    renderPage();
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    const list = await within(timeline).findByRole('list', { name: 'Timeline' });
    const [internal, shared] = within(list).getAllByRole('listitem');
    expect(internal).toHaveTextContent('Internal “Thinks the price is high”');
    expect(internal).toHaveTextContent('by Sam Okafor (sales)');
    expect(shared).toHaveTextContent('Shared with the customer “Delivery on Friday”');

    const user = userEvent.setup();
    await user.click(within(timeline).getByRole('button', { name: 'Show earlier entries' }));
    expect(await within(list).findByText('Order · €1')).toBeInTheDocument();
    expect(within(timeline).queryByRole('button', { name: 'Show earlier entries' })).not.toBeInTheDocument();

    await user.click(within(timeline).getByRole('button', { name: 'In store' }));
    expect(within(timeline).getByRole('button', { name: 'In store' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(1));
    expect(calls.map((c) => c.url)).toContain('/api/customers/c-ben/timeline?limit=20&channel=store');

    const form = region('Add a note');
    const save = within(form).getByRole('button', { name: 'Save note' });
    expect(save).toBeDisabled();
    await user.type(within(form).getByLabelText('Note'), 'Wants a quieter fan');
    await user.click(save);
    await within(form).findByText('Note saved.');
    await user.click(within(form).getByLabelText('Call'));
    await user.type(within(form).getByLabelText('Note'), 'Your fan arrives Monday');
    await user.click(within(form).getByLabelText('Share with the customer'));
    await user.click(save);
    await waitFor(() => expect(notes).toHaveLength(2));
    expect(notes).toEqual([
      { kind: 'store.visit', note: 'Wants a quieter fan', shared: false },
      { kind: 'call', note: 'Your fan arrives Monday', shared: true },
    ]);
    // Saving reads the relationship and the timeline again.
    await waitFor(() =>
      expect(
        calls.filter((c) => c.url === '/api/customers/c-ben/timeline?limit=20&channel=store').length,
      ).toBeGreaterThan(1),
    );
  });
});

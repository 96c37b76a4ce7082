// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { validateCatalog, type Build } from '../../core/catalog/index.ts';
import type { NextOffer, NextOffersResponse } from '../../contract/next-offers.schema.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { serveFakeApi } from '../../../test/fixtures/fake-api.ts';
import { NextOffersPanel } from './next-offers-panel.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const catalog = validateCatalog(miniCatalog(), 'mini');
const build: Build = { cpu: { 'cpu-amd': 1 } };
const switched: Build = { cpu: { 'cpu-amd': 1 }, board: { 'mb-b650': 1 } };

const reply: NextOffersResponse = {
  catalogId: 'mini',
  catalogVersion: catalog.version,
  currency: 'EUR',
  totalCents: 20_000,
  offers: [
    {
      slotId: 'board',
      from: [],
      to: ['mb-b650'],
      build: switched,
      priceDeltaCents: 15_000,
      preference: 0.8,
      similarShare: 0.5,
      discountPercent: 42.857,
      band: 'refused',
    },
    {
      slotId: 'cpu',
      from: ['cpu-amd'],
      to: ['cpu-intel'],
      build: { cpu: { 'cpu-intel': 1 } },
      priceDeltaCents: 30_000,
      preference: 0,
      similarShare: 0,
      discountPercent: 3,
      band: 'within',
    },
  ],
};

function renderPanel(onApply: (offer: NextOffer) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NextOffersPanel
        customerId="c-anna"
        customerName="Anna"
        catalog={catalog}
        build={build}
        onApply={onApply}
      />
    </QueryClientProvider>,
  );
}

describe('the next best offers panel', () => {
  it('asks for the open build’s offers, words each in the catalog’s names with its price and band, and applies one', async () => {
    const calls = serveFakeApi({
      'GET /api/store/customers/c-anna/next-offers/mini': { status: 200, body: reply },
    });
    const onApply = vi.fn();
    renderPanel(onApply);
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Motherboard: B650');
    expect(items[0]).toHaveTextContent('+€150');
    expect(items[0]).toHaveTextContent('50% of similar buyers');
    expect(items[0]).toHaveTextContent('beyond any authority');
    expect(items[1]).toHaveTextContent('instead of Ryzen 5');
    expect(items[1]).toHaveTextContent('within your authority');
    expect(calls[0]?.url).toBe('/api/store/customers/c-anna/next-offers/mini?b=cpu:cpu-amd');
    await userEvent.click(screen.getByRole('button', { name: 'Apply: Motherboard: B650' }));
    expect(onApply).toHaveBeenCalledWith(reply.offers[0]);
  });

  it('says so when nothing else fits, and when the offers cannot be loaded', async () => {
    serveFakeApi({
      'GET /api/store/customers/c-anna/next-offers/mini': { status: 200, body: { ...reply, offers: [] } },
    });
    renderPanel(vi.fn());
    expect(await screen.findByText('No other option fits this build.')).toBeInTheDocument();
    cleanup();
    serveFakeApi({});
    renderPanel(vi.fn());
    expect(await screen.findByRole('alert')).toHaveTextContent('Offers could not be loaded');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within, cleanup } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CatalogPage } from './catalog-page.tsx';
import { HomePage } from './home-page.tsx';
import { AppFlowProvider } from '../flow/app-flow.tsx';
import { validateCatalog } from '../../core/catalog/index.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import '../../ui/i18n/i18n.ts';

const catalog = validateCatalog(miniCatalog(), 'mini.json');

function serve(routes: Record<string, { status: number; body: unknown }>) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const hit = routes[url] ?? {
        status: 404,
        body: { error: { code: 'not_found', message: `No route ${url}` } },
      };
      return Promise.resolve(new Response(JSON.stringify(hit.body), { status: hit.status }));
    }),
  );
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AppFlowProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/configure/:catalogId" element={<CatalogPage />} />
          </Routes>
        </MemoryRouter>
      </AppFlowProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CatalogPage', () => {
  it('shows every slot of the catalog with its options, attributes and prices', async () => {
    serve({ '/api/catalogs/mini': { status: 200, body: catalog } });
    renderAt('/configure/mini');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mini PC' })).toBeInTheDocument();
    const cpu = screen.getByRole('region', { name: 'Processor' });
    const options = within(within(cpu).getByRole('list', { name: 'Processor options' })).getAllByRole(
      'listitem',
    );
    expect(options).toHaveLength(2);
    expect(options[0]).toHaveTextContent('Ryzen 5');
    expect(options[0]).toHaveTextContent('€200');
    expect(options[0]).toHaveTextContent('SocketAM5');
    expect(options[1]).toHaveTextContent('Power draw250 W');
    expect(screen.getByRole('region', { name: 'Storage' })).toHaveTextContent('choose 1–2');
    expect(screen.getByRole('region', { name: 'Graphics card' })).toHaveTextContent('optional');
  });

  it('says so when the catalog does not exist', async () => {
    serve({});
    renderAt('/configure/nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('Not found. No route /api/catalogs/nope');
  });
});

const catalogList = {
  '/api/catalogs': {
    status: 200,
    body: [
      {
        id: 'pc',
        name: 'Desktop',
        description: 'A PC',
        version: '2026.11.0',
        currency: 'EUR',
        slotCount: 11,
        optionCount: 120,
      },
      {
        id: 'car',
        name: 'Car',
        description: 'A car',
        version: '2026.11.0',
        currency: 'EUR',
        slotCount: 12,
        optionCount: 90,
      },
    ],
  },
};

describe('HomePage', () => {
  it('lists the product families with links to configure them', async () => {
    serve(catalogList);
    renderAt('/');
    const list = await screen.findByRole('list', { name: 'Products' });
    const links = within(list).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/configure/pc', '/configure/car']);
    expect(links[0]).toHaveTextContent('11 modules · 120 options');
  });

  it('greets a returning customer by name with their newest saved builds, one click from going on', async () => {
    const saved = (id: string, name: string, updatedAt: string) => ({
      id,
      name,
      catalogId: 'pc',
      catalogVersion: '2026.11.0',
      selections: { cpu: { 'cpu-amd': 1 } },
      priceCents: 25_000,
      complete: false,
      valid: true,
      createdAt: updatedAt,
      updatedAt,
    });
    serve({
      ...catalogList,
      '/api/me': {
        status: 200,
        body: {
          user: { id: 'u1', email: 'anna@example.com', name: 'Anna Berger', role: 'customer' },
          customer: null,
          offers: [],
          birthdayMonth: false,
        },
      },
      '/api/builds': {
        status: 200,
        body: [
          saved('b-old', 'Office', '2026-06-01T10:00:00Z'),
          saved('b-new', 'Gaming', '2026-11-01T10:00:00Z'),
        ],
      },
    });
    renderAt('/');
    const welcome = await screen.findByRole('region', { name: 'Welcome back, Anna Berger.' });
    const links = await within(welcome).findAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Continue “Gaming”', 'Continue “Office”']);
    expect(links[0]?.getAttribute('href')).toBe('/configure/pc?b=cpu:cpu-amd');
  });

  it('greets nobody when no one is signed in', async () => {
    serve({
      ...catalogList,
      '/api/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in first.' } } },
    });
    renderAt('/');
    await screen.findByRole('list', { name: 'Products' });
    expect(screen.queryByTestId('welcome')).toBeNull();
  });
});

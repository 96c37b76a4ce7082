// Shared by the editor's component tests only: Cara signed in, a fake API, the editor's routes in a memory router.
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { serveFakeApi, type Handler } from '../../test/fixtures/fake-api.ts';
import { miniCatalog } from '../../test/fixtures/mini-catalog.ts';
import type { MeResponse } from '../contract/auth.schema.ts';
import type { AdminCatalog, DraftCheckResponse, ImpactReport } from '../contract/catalog-admin.schema.ts';
import { CatalogEditorApp } from './catalog-editor-app.tsx';
import '../ui/i18n/i18n.ts';

export const cara: MeResponse = {
  user: { id: 'u-cara', email: 'cara@example.com', name: 'Cara Lindqvist', role: 'catalog' },
  customer: null,
  offers: [],
  birthdayMonth: false,
};

const cara1 = { name: 'Cara Lindqvist' };

const liveVersion = {
  version: '2026.11.1',
  status: 'live' as const,
  publishedAt: '2026-11-10T09:00:00.000Z',
  effectiveAt: '2026-11-10T09:00:00.000Z',
  note: 'Cheaper PSU',
  publishedBy: cara1,
  buildCount: 12,
};

export const gpuDraft = {
  id: 'd-gpu',
  catalogId: 'mini',
  title: 'New GPU',
  baseVersion: '2026.11.1',
  revision: 3,
  updatedAt: '2026-11-12T15:30:00.000Z',
  updatedBy: cara1,
};

/** The mini catalog: 2026.11.1 live, 2026.11.0 retired before it, one draft on the live version. */
export const mini: AdminCatalog = {
  id: 'mini',
  name: 'Mini PC',
  live: '2026.11.1',
  versions: [
    liveVersion,
    {
      version: '2026.11.0',
      status: 'retired',
      publishedAt: '2026-11-01T09:00:00.000Z',
      effectiveAt: '2026-11-01T09:00:00.000Z',
      note: 'First version',
      publishedBy: null,
      buildCount: 40,
    },
  ],
  drafts: [gpuDraft],
};

/** The mini catalog as `/api/catalogs/mini` and `/drafts/d-gpu/catalog` answer it. */
export const miniResponse = { ...miniCatalog(), basePrice: 50, rules: miniCatalog().rules ?? [] };

export { liveVersion };

export const check = (over: Partial<DraftCheckResponse> = {}): DraftCheckResponse => ({
  revision: 3,
  issues: [],
  findings: [],
  buildCount: '7',
  form: 'mdd',
  ...over,
});

export const impact: ImpactReport = {
  draftId: 'd-gpu',
  revision: 3,
  counts: { checked: 5, valid: 4, invalid: 1, priceChanged: 1 },
  items: [
    {
      kind: 'build',
      id: 'b-1',
      owner: 'Anna Berger',
      catalogVersion: '2026.11.1',
      valid: false,
      explanation: ['rule psu-power: total power draw ≤ PSU watts'],
      missingOptions: ['gpu-4070'],
      priceBeforeCents: 120_000,
      priceAfterCents: null,
    },
    {
      kind: 'quote',
      id: 'q-1',
      owner: 'Ben Walker',
      catalogVersion: '2026.11.1',
      valid: true,
      explanation: [],
      missingOptions: [],
      priceBeforeCents: 90_000,
      priceAfterCents: 85_000,
    },
  ],
};

/** The fake API with Cara signed in and the catalog list, unless a test says otherwise. */
export function serve(given: Record<string, Handler>) {
  return serveFakeApi({
    'GET /api/me': { status: 200, body: cara },
    'GET /api/catalog-admin/catalogs': { status: 200, body: [mini] },
    'GET /api/catalogs/mini': { status: 200, body: miniResponse },
    ...given,
  });
}

function Where() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

export function renderEditor(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/catalogs/*" element={<CatalogEditorApp />} />
          <Route path="/sign-in" element={<h1>Sign in</h1>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

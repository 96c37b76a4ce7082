// Shared by this folder's component tests only: a fake API and the app's routes in a memory router.
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { serveFakeApi, type Handler, type Reply } from '../../../test/fixtures/fake-api.ts';
import type { MeResponse } from '../../contract/auth.schema.ts';
import type { SavedBuild } from '../../contract/saved-builds.schema.ts';
import { AccountLayout } from './account-layout.tsx';
import { AccountMenu } from './account-menu.tsx';
import { AccountPage } from './account-page.tsx';
import { PreferencesPage } from './preferences-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { SignUpPage } from './sign-up-page.tsx';
import { ConfirmEmailPage } from './confirm-email-page.tsx';
import { MailboxPage } from './mailbox-page.tsx';
import { TimelinePage } from './timeline-page.tsx';
import '../../ui/i18n/i18n.ts';

export type { Reply };

/** The fake API with the catalog list every account page is framed by, unless a test says otherwise. */
export function serve(given: Record<string, Handler>) {
  return serveFakeApi({ 'GET /api/catalogs': { status: 200, body: catalogs }, ...given });
}

function Where() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

export function renderApp(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AccountMenu />
        <Routes>
          <Route path="/" element={<h1>Products</h1>} />
          <Route path="/configure/:catalogId" element={<h1>Configure</h1>} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/confirm-email" element={<ConfirmEmailPage />} />
          <Route path="/dev/mailbox" element={<MailboxPage />} />
          <Route path="/account" element={<AccountLayout />}>
            <Route index element={<AccountPage />} />
            <Route path="timeline" element={<TimelinePage />} />
            <Route path="preferences" element={<PreferencesPage />} />
          </Route>
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

export const unauthenticated: Reply = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in first.' } },
};

export const anna: MeResponse = {
  user: { id: 'u-anna', email: 'anna@example.com', name: 'Anna Berger', role: 'customer' },
  customer: {
    id: 'c-anna',
    customerNumber: 'C-000001',
    name: 'Anna Berger',
    email: 'anna@example.com',
    phone: '',
    birthday: '1990-08-14',
  },
  offers: [{ id: 'loyalty-3', label: 'Loyalty discount', percent: 3 }],
  birthdayMonth: false,
};

export const catalogs = [
  {
    id: 'pc',
    name: 'Aurora Desktop',
    description: 'A PC',
    version: '2026.11.1',
    currency: 'EUR',
    slotCount: 2,
    optionCount: 4,
  },
];

export function savedBuild(id: string, name: string, priceCents: number): SavedBuild {
  return {
    id,
    name,
    catalogId: 'pc',
    catalogVersion: '2026.11.1',
    selections: { cpu: { 'cpu-r5': 1 }, memory: { 'mem-16': 2 } },
    priceCents,
    complete: true,
    valid: true,
    createdAt: '2026-06-22T08:00:00.000Z',
    updatedAt: '2026-06-22T08:00:00.000Z',
  };
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import type { CustomerHit, RecentCustomer } from '../../contract/store-find.schema.ts';
import { serveFakeApi as serve } from '../../../test/fixtures/fake-api.ts';
import { FindPage } from './find-page.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const hit = (id: string, name: string, extra: Partial<CustomerHit> = {}): CustomerHit => ({
  id,
  customerNumber: `C-0000${id.slice(-2)}`,
  name,
  email: `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@example.com`,
  phone: '+49 30 1234567',
  tier: { class: 'normal', label: 'Regular' },
  lastContactAt: '2026-11-20T10:00:00.000Z',
  hasLogin: true,
  ...extra,
});
const anna = hit('c-01', 'Anna Berg', { tier: { class: 'mvc', label: 'Most valuable' } });
const annika = hit('c-02', 'Annika Müller', { lastContactAt: null });
const recent: RecentCustomer[] = [{ ...hit('c-07', 'Ben Walker'), servedAt: '2026-12-05T09:30:00.000Z' }];

function Opened() {
  return <p>opened {useParams().customerId}</p>;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/store']}>
        <Routes>
          <Route path="/store" element={<FindPage />} />
          <Route path="/store/customers/:customerId" element={<Opened />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('FindPage', () => {
  it('searches as one types (not below 2 characters, once per pause) and opens a hit with the keyboard', async () => {
    const calls = serve({
      'GET /api/store/customers/recent': { status: 200, body: recent },
      'GET /api/customers': (_body, url) => ({
        status: 200,
        body: [anna, annika].filter((c) => c.name.toLowerCase().includes(url.searchParams.get('q') ?? '')),
      }),
    });
    renderPage();
    const box = screen.getByRole('combobox', { name: 'Find a customer' });
    await userEvent.type(box, 'a');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await userEvent.type(box, 'nn');
    const list = await screen.findByRole('listbox', { name: 'Matching customers' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('Anna Berg'), expect.stringContaining('Annika Müller')]);
    expect(screen.getByText('2 customers found.')).toBeDefined();
    expect(within(list).getByText('MVC')).toBeDefined();
    expect(within(list).getByText('No contact yet')).toBeDefined();
    // Typing "a", "n", "n" quickly asked the server once, for the whole word.
    expect(calls.filter((c) => c.url.startsWith('/api/customers')).map((c) => c.url)).toEqual([
      '/api/customers?q=ann',
    ]);

    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const options = within(list).getAllByRole('option');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await userEvent.keyboard('{ArrowDown}');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('opened c-01')).toBeDefined();
  });

  it('says when nothing matches, and lists whom this staff member served recently as links', async () => {
    serve({
      'GET /api/store/customers/recent': { status: 200, body: recent },
      'GET /api/customers': { status: 200, body: [] },
    });
    renderPage();
    const served = await screen.findByRole('region', { name: 'Recently served by you' });
    const link = await within(served).findByRole('link', { name: /Ben Walker/ });
    expect(link).toHaveAttribute('href', '/store/customers/c-07');
    await userEvent.type(screen.getByRole('combobox'), 'zz');
    expect(await screen.findByText('No customer matches “zz”.')).toBeDefined();
    expect(screen.getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
  });

  it('registers a walk-in after checking the fields, and shows the claim code', async () => {
    const calls = serve({
      'GET /api/store/customers/recent': { status: 200, body: [] },
      'POST /api/store/customers': {
        status: 201,
        body: { customer: hit('c-09', 'Wanda Walk', { hasLogin: false }), claimCode: 'K7QM-2XPD-R4TA' },
      },
    });
    renderPage();
    const form = screen.getByRole('region', { name: 'Register a walk-in' });
    await userEvent.click(within(form).getByRole('button', { name: 'Register' }));
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('Enter the customer’s name.');
    expect(within(form).getByLabelText('Name')).toHaveFocus();
    expect(within(form).getByLabelText('E-mail')).toHaveAccessibleDescription(
      expect.stringContaining('Enter an e-mail or a phone number.'),
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(form).getByLabelText('Name'), 'Wanda Walk');
    expect(within(form).getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    await userEvent.type(within(form).getByLabelText('Phone'), '0171 555 1234');
    expect(within(form).getByLabelText('E-mail')).not.toHaveAttribute('aria-invalid');
    await userEvent.click(within(form).getByRole('button', { name: 'Register' }));

    expect(await within(form).findByTestId('claim-code')).toHaveTextContent('K7QM-2XPD-R4TA');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Wanda Walk',
      email: '',
      phone: '0171 555 1234',
    });
    expect(within(form).getByRole('link', { name: 'Open Wanda Walk' })).toHaveAttribute(
      'href',
      '/store/customers/c-09',
    );
  });

  it('offers to open the existing customer when the e-mail is already known', async () => {
    serve({
      'GET /api/store/customers/recent': { status: 200, body: [] },
      'POST /api/store/customers': {
        status: 409,
        body: {
          error: {
            code: 'already_customer',
            message: 'Already a customer.',
            details: { customerId: 'c-01' },
          },
        },
      },
    });
    renderPage();
    const form = screen.getByRole('region', { name: 'Register a walk-in' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Anna Berg');
    await userEvent.type(within(form).getByLabelText('E-mail'), 'anna@example.com');
    await userEvent.click(within(form).getByRole('button', { name: 'Register' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('This person is already a customer.');
    await userEvent.click(within(alert).getByRole('link', { name: 'Open their record' }));
    await waitFor(() => expect(screen.getByText('opened c-01')).toBeDefined());
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompareResponse } from '../../contract/saved-builds.schema.ts';
import { anna, renderApp, savedBuild, serve, unauthenticated } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const order = {
  id: 'o-1',
  buildId: null,
  catalogId: 'pc',
  catalogVersion: '2026.11.1',
  selections: { cpu: { 'cpu-r5': 1 } },
  currency: 'EUR',
  lines: [{ kind: 'option', ref: 'cpu-r5', label: 'Ryzen 5', quantity: 1, amountCents: 20000 }],
  totalCents: 20000,
  createdAt: '2025-01-11T10:00:00.000Z',
};

function serveAccount(
  builds = [savedBuild('b1', 'Quiet one', 150000), savedBuild('b2', 'Loud one', 180000)],
) {
  return serve({
    'GET /api/me': { status: 200, body: anna },
    'GET /api/builds': { status: 200, body: builds },
    'GET /api/me/quotes': { status: 200, body: [] },
    'GET /api/orders': { status: 200, body: [order] },
    'PATCH /api/builds/b1': (body) => ({
      status: 200,
      body: { ...savedBuild('b1', (body as { name: string }).name, 150000) },
    }),
    'DELETE /api/builds/b2': { status: 204 },
    'GET /api/builds/compare': (_body, url) => {
      const a = builds.find((b) => b.id === url.searchParams.get('a'));
      const b = builds.find((x) => x.id === url.searchParams.get('b'));
      if (!a || !b) return { status: 404, body: { error: { code: 'build_not_found', message: 'No build' } } };
      const compared: CompareResponse = {
        a,
        b,
        slots: [
          {
            slotId: 'cpu',
            name: 'Processor',
            a: [{ optionId: 'r5', name: 'Ryzen 5', quantity: 1 }],
            b: [{ optionId: 'r7', name: 'Ryzen 7', quantity: 1 }],
            same: false,
          },
          {
            slotId: 'memory',
            name: 'Memory',
            a: [{ optionId: 'm', name: '16 GB', quantity: 2 }],
            b: [{ optionId: 'm', name: '16 GB', quantity: 2 }],
            same: true,
          },
        ],
        differenceCents: b.priceCents - a.priceCents,
      };
      return { status: 200, body: compared };
    },
  });
}

describe('account pages', () => {
  it('send a signed-out visitor to sign in, and back afterwards', async () => {
    serve({ 'GET /api/me': unauthenticated });
    renderApp('/account/timeline');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Faccount%2Ftimeline');
  });

  it('send product managers to the catalog editor, their role shown in the menu', async () => {
    serve({
      'GET /api/me': {
        status: 200,
        body: {
          ...anna,
          user: { ...anna.user, name: 'Cara Lindqvist', role: 'catalog' },
          customer: null,
          offers: [],
        },
      },
    });
    renderApp('/account');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/catalogs$/));
    expect(screen.getByRole('button', { name: /Cara Lindqvist/ })).toHaveTextContent('catalog');
  });
});

describe('AccountPage', () => {
  it('greets the customer, shows offers, saved builds with an Open link, and orders', async () => {
    serveAccount();
    renderApp('/account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Anna Berger' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Your offers' })).toHaveTextContent('3% offLoyalty discount');
    const builds = await screen.findByRole('list', { name: 'Saved builds' });
    const first = within(builds).getAllByRole('listitem')[0];
    if (!first) throw new Error('no build');
    expect(first).toHaveTextContent('Quiet one');
    expect(first).toHaveTextContent('€1,500');
    // Product names come from the catalog list, which may answer after the builds.
    expect(
      await within(first).findByText(/Aurora Desktop · catalog 2026.11.1 · saved 22 Jun 2026/),
    ).toBeVisible();
    expect(within(first).getByRole('link', { name: 'Open' })).toHaveAttribute(
      'href',
      '/configure/pc?b=cpu:cpu-r5,memory:mem-16*2&v=2026.11.1',
    );
    const orders = await screen.findByRole('table', { name: 'Orders' });
    expect(orders).toHaveTextContent('11 Jan 2025');
    expect(orders).toHaveTextContent('€200');
    expect(screen.getByRole('region', { name: 'Quotes' })).toHaveTextContent('No quotes yet.');
  });

  it('renames a build in place and gives focus back to its Rename button', async () => {
    const calls = serveAccount();
    renderApp('/account');
    const user = userEvent.setup();
    const card = await screen.findByRole('listitem', { name: 'Quiet one' });
    await user.click(within(card).getByRole('button', { name: 'Rename' }));
    const input = within(card).getByRole('textbox', { name: 'New name' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Office PC{Enter}');
    await waitFor(() => expect(within(card).queryByRole('textbox')).not.toBeInTheDocument());
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/builds/b1',
      body: { name: 'Office PC' },
    });
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Rename' })).toHaveFocus());
  });

  it('asks before deleting a build', async () => {
    const calls = serveAccount();
    renderApp('/account');
    const user = userEvent.setup();
    const card = await screen.findByRole('listitem', { name: 'Loud one' });
    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    const confirm = within(card).getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Delete “Loud one”? This cannot be undone.');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/builds/b2')).toBe(true),
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Saved builds' })).toHaveFocus());
  });

  it('compares the two ticked builds side by side, the pair kept in the URL', async () => {
    serveAccount();
    renderApp('/account');
    const user = userEvent.setup();
    await user.click(
      within(await screen.findByRole('listitem', { name: 'Quiet one' })).getByRole('checkbox'),
    );
    await user.click(within(screen.getByRole('listitem', { name: 'Loud one' })).getByRole('checkbox'));
    expect(screen.getByTestId('location')).toHaveTextContent('/account?compare=b1%2Cb2');
    const table = await screen.findByRole('table', { name: 'Side by side' });
    const processor = within(table).getByRole('row', { name: /Processor/ });
    expect(processor).toHaveTextContent('Processordiffers');
    expect(processor).toHaveTextContent('Ryzen 5');
    expect(processor).toHaveTextContent('Ryzen 7');
    expect(within(table).getByRole('row', { name: /Total/ })).toHaveTextContent('€1,500€1,800 (+€300)');
    expect(screen.getByText('1 of 2 parts differ.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show only differences' }));
    expect(within(table).queryByRole('row', { name: /Memory/ })).not.toBeInTheDocument();
  });

  it('wishes a happy birthday month and lists the birthday offer', async () => {
    serve({
      'GET /api/me': {
        status: 200,
        body: {
          ...anna,
          birthdayMonth: true,
          offers: [...anna.offers, { id: 'birthday', label: 'Birthday discount', percent: 5 }],
        },
      },
      'GET /api/builds': { status: 200, body: [] },
      'GET /api/me/quotes': { status: 200, body: [] },
      'GET /api/orders': { status: 200, body: [] },
    });
    renderApp('/account');
    const offers = await screen.findByRole('region', { name: 'Your offers' });
    expect(offers).toHaveTextContent('Happy birthday month!');
    expect(offers).toHaveTextContent('5% offBirthday discount');
    expect(offers).not.toHaveTextContent('Tell us your birthday');
  });

  it('invites a customer with no builds to start one', async () => {
    serveAccount([]);
    renderApp('/account');
    expect(await screen.findByText(/no saved builds yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start configuring →' })).toHaveAttribute('href', '/');
  });
});

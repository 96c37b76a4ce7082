// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import type { ApprovalRequest, QuotePreviewBody } from '../../contract/store-quotes.schema.ts';
import { serveFakeApi, type Handler } from '../../../test/fixtures/fake-api.ts';
import { serveFakeEvents } from '../../../test/fixtures/fake-event-source.ts';
import {
  approvalRequest,
  catalog,
  preview,
  relationship,
  revision,
} from '../../../test/fixtures/store-quotes.ts';
import { NewQuotePage } from './new-quote-page.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function QuoteShown() {
  return <h1>Quote {useParams().quoteId}</h1>;
}

function renderPage(query = '?build=b-1') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/store/customers/c-anna/quotes/new${query}`]}>
        <Routes>
          <Route path="/store/customers/:customerId/quotes/new" element={<NewQuotePage />} />
          <Route path="/store/customers/:customerId/quotes/:quoteId" element={<QuoteShown />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const base = '/api/store/customers/c-anna';
function serve(routes: Record<string, Handler> = {}, requests: ApprovalRequest[] = []) {
  return serveFakeApi({
    [`GET /api/customers/c-anna`]: { status: 200, body: relationship },
    'GET /api/catalogs/mini': { status: 200, body: catalog },
    [`GET ${base}/approval-requests`]: { status: 200, body: requests },
    [`POST ${base}/quotes/preview`]: (body) => ({
      status: 200,
      body: preview((body as QuotePreviewBody).discountPercent),
    }),
    ...routes,
  });
}

const savedGroup = {
  status: 201,
  body: { groupId: 'g-1', customerId: 'c-anna', revisions: [revision(1)], diffs: [] },
};

async function setDiscount(percent: string) {
  const user = userEvent.setup();
  const input = await screen.findByRole('spinbutton', { name: 'Discount in %' });
  await user.clear(input);
  await user.type(input, percent);
  return user;
}

describe('NewQuotePage', () => {
  it('shows the customer, the build in the catalog’s words, the bands of this authority and the server’s price', async () => {
    serve();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'New quote' })).toBeVisible();
    expect(screen.getByText(/Anna Berger · C-000001 · Tier: Most valuable/)).toBeVisible();
    const build = screen.getByRole('region', { name: 'Build' });
    expect(await within(build).findByText('Processor')).toBeVisible();
    expect(within(build).getByText('Ryzen 5')).toBeVisible();
    expect(within(build).getByText('Motherboard')).toBeVisible();
    const bands = screen.getByRole('list', { name: 'Your discount authority for this customer' });
    expect(
      within(bands)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Within your authority up to 8 %',
      'Needs a store manager’s approval above 8 % up to 15 %',
      'Refused above 15 %',
    ]);
    expect(screen.getByRole('slider', { name: 'Discount' })).toHaveAttribute('max', '25');
    const terms = screen.getByRole('region', { name: 'Discount and price' });
    expect(await within(terms).findByText('Price before discount')).toBeVisible();
    expect(terms).toHaveTextContent('Total€460');
    expect(terms).toHaveTextContent('Valid until 31 Dec 2026');
  });

  it('within authority: the band says so, the server prices it, and Save quote makes the quote and opens it', async () => {
    const calls = serve({ [`POST ${base}/quotes`]: savedGroup });
    renderPage();
    const user = await setDiscount('5');
    expect(document.querySelector('output')).toHaveTextContent('Within your authority');
    const terms = screen.getByRole('region', { name: 'Discount and price' });
    await waitFor(() => expect(terms).toHaveTextContent('Store discount (5 %)-€23'));
    expect(terms).toHaveTextContent('Total€437');
    const save = screen.getByRole('button', { name: 'Save quote' });
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    expect(await screen.findByRole('heading', { name: 'Quote g-1' })).toBeVisible();
    expect(calls.find((c) => c.method === 'POST' && c.url === `${base}/quotes`)?.body).toEqual({
      buildId: 'b-1',
      discountPercent: 5,
      expectedTotalCents: 43_700,
    });
  });

  it('steps by 0.5 (the arrow keys in a browser) and says the band on the slider too', async () => {
    serve();
    renderPage();
    await setDiscount('8.5');
    const input = screen.getByRole('spinbutton', { name: 'Discount in %' });
    expect(input).toHaveAttribute('step', '0.5');
    const slider = screen.getByRole('slider', { name: 'Discount' });
    expect(slider).toHaveAttribute('step', '0.5');
    expect(slider).toHaveValue('8.5');
    expect(slider).toHaveAttribute('aria-valuetext', '8.5 %: Needs a store manager’s approval');
  });

  it('above authority: asks for approval with a note, waits, and updates live when a manager approves', async () => {
    const asked = approvalRequest({ note: 'Loyal customer' });
    const calls = serve({
      [`POST ${base}/approval-requests`]: { status: 201, body: asked },
      [`POST ${base}/quotes`]: savedGroup,
    });
    const events = serveFakeEvents();
    renderPage();
    const user = await setDiscount('12');
    expect(document.querySelector('output')).toHaveTextContent('Needs a store manager’s approval');
    expect(screen.queryByRole('button', { name: 'Save quote' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Note for the store manager (optional)'), 'Loyal customer');
    await user.click(screen.getByRole('button', { name: 'Ask for approval' }));
    const waiting = await screen.findByText(/Waiting for a store manager to approve 12 %/);
    expect(waiting).toHaveAttribute('role', 'status');
    expect(screen.getByRole('spinbutton', { name: 'Discount in %' })).toBeDisabled();
    expect(calls.find((c) => c.url === `${base}/approval-requests` && c.method === 'POST')?.body).toEqual({
      buildId: 'b-1',
      discountPercent: 12,
      note: 'Loyal customer',
    });
    expect(events.sources.map((s) => s.url)).toEqual(['/api/store/events']);

    // Another customer's decision changes nothing here.
    events.send({
      kind: 'approval.decided',
      request: approvalRequest({
        id: 'ar-9',
        customer: { ...asked.customer, id: 'c-ben' },
        status: 'approved',
      }),
    });
    expect(screen.getByText(/Waiting for a store manager/)).toBeVisible();

    events.send({
      kind: 'approval.decided',
      request: { ...asked, status: 'approved', decidedBy: { name: 'Mia Chen', role: 'store_manager' } },
    });
    expect(await screen.findByText('Approved by Mia Chen for up to 12 %.')).toBeVisible();
    const save = screen.getByRole('button', { name: 'Save quote with the approved terms' });
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await screen.findByRole('heading', { name: 'Quote g-1' });
    expect(calls.find((c) => c.method === 'POST' && c.url === `${base}/quotes`)?.body).toEqual({
      buildId: 'b-1',
      discountPercent: 12,
      approvalRequestId: 'ar-1',
      expectedTotalCents: 40_480,
    });
  });

  it('a refusal arriving live shows the reason and gives the discount back', async () => {
    serve({}, [approvalRequest()]);
    const events = serveFakeEvents();
    renderPage();
    // The open request is shown on load, its discount with it.
    expect(await screen.findByText(/Waiting for a store manager to approve 12 %/)).toBeVisible();
    expect(screen.getByRole('spinbutton', { name: 'Discount in %' })).toHaveValue(12);
    events.send({
      kind: 'approval.decided',
      request: approvalRequest({
        status: 'refused',
        decidedBy: { name: 'Mia Chen', role: 'store_manager' },
        reason: 'Margin too thin on this build',
      }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Mia Chen refused this discount:');
    expect(alert).toHaveTextContent('Margin too thin on this build');
    expect(screen.getByRole('spinbutton', { name: 'Discount in %' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Ask for approval' })).toBeEnabled();
  });

  it('refused above the limit: Save is disabled and says why', async () => {
    serve();
    renderPage();
    await setDiscount('20');
    const save = screen.getByRole('button', { name: 'Save quote' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription(
      'A discount above 15 % cannot be given to this customer, not even with approval.',
    );
    expect(screen.queryByRole('button', { name: 'Ask for approval' })).not.toBeInTheDocument();
  });

  it('says in words when the server refuses with approval_required', async () => {
    serve({
      [`POST ${base}/quotes`]: {
        status: 403,
        body: { error: { code: 'approval_required', message: 'This discount needs approval.' } },
      },
    });
    renderPage();
    const user = await setDiscount('8');
    const save = screen.getByRole('button', { name: 'Save quote' });
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server refused: this discount needs a store manager’s approval first. Nothing was saved.',
    );
  });
});

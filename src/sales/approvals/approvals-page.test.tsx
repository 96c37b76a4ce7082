// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { ApprovalRequest } from '../../contract/store-quotes.schema.ts';
import { serveFakeApi } from '../../../test/fixtures/fake-api.ts';
import { serveFakeEvents } from '../../../test/fixtures/fake-event-source.ts';
import { approvalRequest, catalog } from '../../../test/fixtures/store-quotes.ts';
import { ApprovalsPage } from './approvals-page.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ApprovalsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const mia = { name: 'Mia Chen', role: 'store_manager' };
const anna = approvalRequest({
  note: 'Loyal customer',
  sincePrevious: {
    requestId: 'ar-0',
    discountPercent: { before: 10, after: 12 },
    options: [{ slot: 'cpu', before: ['cpu-intel'], after: ['cpu-amd'] }],
  },
});
const ben = approvalRequest({
  id: 'ar-2',
  customer: {
    id: 'c-ben',
    name: 'Ben Walker',
    tier: 'Most growable',
    lifetimeRevenueCents: 90_000,
    lifetimeMarginCents: 20_000,
  },
  discountPercent: 10,
});

function serve(
  pending: ApprovalRequest[],
  decide?: (id: string, body: unknown) => { status: number; body: unknown },
) {
  let decided: ApprovalRequest[] = [];
  const calls = serveFakeApi({
    'GET /api/catalogs/mini': { status: 200, body: catalog },
    'GET /api/store/approvals?status=pending': () => ({ status: 200, body: pending }),
    'GET /api/store/approvals?status=decided': () => ({ status: 200, body: decided }),
    ...Object.fromEntries(
      [anna, ben].map((r) => [
        `POST /api/store/approvals/${r.id}/decision`,
        (body: unknown) => {
          const reply = decide?.(r.id, body) ?? { status: 200, body: r };
          if (reply.status === 200) {
            pending = pending.filter((p) => p.id !== r.id);
            decided = [reply.body as ApprovalRequest, ...decided];
          }
          return reply;
        },
      ]),
    ),
  });
  return {
    calls,
    decideElsewhere(request: ApprovalRequest) {
      pending = pending.filter((p) => p.id !== request.id);
      decided = [request, ...decided];
    },
  };
}

const queue = () => screen.findByRole('list', { name: /^Waiting for a decision/ });

describe('ApprovalsPage', () => {
  it('shows each request with the customer’s value, who asks, the build, the discount, totals and what changed', async () => {
    serve([anna]);
    renderPage();
    const card = within(await queue()).getByRole('article', { name: 'Anna Berger' });
    expect(card).toHaveTextContent('Most valuable');
    expect(card).toHaveTextContent('Lifetime revenue€12,500');
    expect(card).toHaveTextContent('Lifetime margin€3,000');
    expect(card).toHaveTextContent('Discount12 %');
    expect(card).toHaveTextContent('Before discount → total€460 → €404.80');
    expect(card).toHaveTextContent('Asked bySam Okafor (sales)');
    expect(card).toHaveTextContent('“Loyal customer”');
    expect(await within(card).findByText('Ryzen 5')).toBeVisible();
    expect(card).toHaveTextContent('Since the earlier approval of 10 %');
    expect(card).toHaveTextContent('Discount: 10 % → 12 %');
    expect(card).toHaveTextContent('Processor: Core i9 → Ryzen 5');
  });

  it('a request appears and a decided one leaves live, without a reload', async () => {
    serve([anna]);
    const events = serveFakeEvents();
    renderPage();
    const list = await queue();
    events.send({ kind: 'approval.requested', request: ben });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('article')
          .map((a) => a.getAttribute('aria-labelledby')),
      ).toEqual(['approval-ar-2', 'approval-ar-1']),
    );
    expect(screen.getByRole('heading', { name: 'Waiting for a decision (2)' })).toBeVisible();
    events.send({ kind: 'approval.decided', request: { ...anna, status: 'approved', decidedBy: mia } });
    await waitFor(() => expect(within(list).getAllByRole('article')).toHaveLength(1));
    const decided = screen.getByRole('table', { name: 'Decided lately' });
    expect(within(decided).getAllByRole('row')[1]).toHaveTextContent(/Anna Berger.*12 %.*approved.*Mia Chen/);
  });

  it('approves: the request leaves the queue for the decided list', async () => {
    const { calls } = serve([anna], (_id, body) => ({
      status: 200,
      body: {
        ...anna,
        status: 'approved',
        decidedBy: mia,
        decidedAt: '2026-12-06T10:05:00.000Z',
        ...(body as object),
      },
    }));
    renderPage();
    const user = userEvent.setup();
    await user.click(within(await queue()).getByRole('button', { name: 'Approve Anna Berger' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Approved for Anna Berger.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ decision: 'approve' });
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByText('Nothing to decide right now.')).toBeVisible();
  });

  it('refusing needs a reason, which is sent', async () => {
    const { calls } = serve([anna], () => ({
      status: 200,
      body: { ...anna, status: 'refused', decidedBy: mia, reason: 'Margin too thin' },
    }));
    renderPage();
    const user = userEvent.setup();
    await user.click(within(await queue()).getByRole('button', { name: 'Refuse Anna Berger' }));
    const dialog = screen.getByRole('dialog', { name: 'Refuse the discount for Anna Berger' });
    await user.click(within(dialog).getByRole('button', { name: 'Refuse the discount' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why the discount is refused.');
    const reason = within(dialog).getByRole('textbox', { name: 'Why (the salesperson tells the customer)' });
    expect(reason).toHaveFocus();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.type(reason, 'Margin too thin');
    await user.click(within(dialog).getByRole('button', { name: 'Refuse the discount' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Refused for Anna Berger.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      decision: 'refuse',
      reason: 'Margin too thin',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Decided lately' })).getAllByRole('row')[1],
    ).toHaveTextContent('Margin too thin');
  });

  it('a request another manager decided first: says who, and removes it', async () => {
    const other = { name: 'Oskar Lind', role: 'store_manager' };
    const api = serve([anna, ben], () => {
      api.decideElsewhere({ ...anna, status: 'refused', decidedBy: other, reason: 'No' });
      return {
        status: 409,
        body: {
          error: {
            code: 'already_decided',
            message: 'This request was already decided.',
            details: { requestId: 'ar-1' },
          },
        },
      };
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(within(await queue()).getByRole('button', { name: 'Approve Anna Berger' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Oskar Lind already refused the request for Anna Berger/,
    );
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('article', { name: 'Ben Walker' })).toBeVisible();
  });

  it('names who decided first from the server’s details, before the decided list is read again', async () => {
    serve([anna], () => ({
      status: 409,
      body: {
        error: {
          code: 'already_decided',
          message: 'Oskar Lind already approved this request.',
          details: { requestId: 'ar-1', status: 'approved', decidedBy: 'Oskar Lind' },
        },
      },
    }));
    renderPage();
    const user = userEvent.setup();
    await user.click(within(await queue()).getByRole('button', { name: 'Refuse Anna Berger' }));
    const dialog = screen.getByRole('dialog', { name: 'Refuse the discount for Anna Berger' });
    await user.type(within(dialog).getByRole('textbox'), 'Too much');
    await user.click(within(dialog).getByRole('button', { name: 'Refuse the discount' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Oskar Lind already approved the request for Anna Berger.',
    );
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });
});

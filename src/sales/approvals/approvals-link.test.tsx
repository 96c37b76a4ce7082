// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { serveFakeApi } from '../../../test/fixtures/fake-api.ts';
import { serveFakeEvents } from '../../../test/fixtures/fake-event-source.ts';
import { approvalRequest } from '../../../test/fixtures/store-quotes.ts';
import { ApprovalsLink } from './approvals-link.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ApprovalsLink', () => {
  it('counts the requests waiting, live: a new one adds, a decided one leaves', async () => {
    const first = approvalRequest({ id: 'ar-1' });
    serveFakeApi({ 'GET /api/store/approvals?status=pending': { status: 200, body: [first] } });
    const events = serveFakeEvents();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <ApprovalsLink />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const link = screen.getByRole('link', { name: /^Approvals/ });
    expect(await screen.findByLabelText('1 waiting')).toBeVisible();
    events.send({ kind: 'approval.requested', request: approvalRequest({ id: 'ar-2' }) });
    expect(await screen.findByLabelText('2 waiting')).toBeVisible();
    events.send({ kind: 'approval.decided', request: { ...first, status: 'approved' } });
    expect(await screen.findByLabelText('1 waiting')).toBeVisible();
    events.send({ kind: 'approval.decided', request: approvalRequest({ id: 'ar-2', status: 'refused' }) });
    await vi.waitFor(() => expect(link).toHaveTextContent(/^Approvals$/));
  });
});

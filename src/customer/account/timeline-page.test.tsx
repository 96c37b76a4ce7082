// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OwnTimelineItem as TimelineItem } from '../../contract/interactions.schema.ts';
import { validateCatalog } from '../../core/catalog/index.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { anna, catalogs, renderApp, serve } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The server names staff by first name and role only (server/customers/own-timeline.ts).
const sam = { who: 'staff' as const, name: 'Sam', role: 'sales' };
const entry = (id: string, over: Partial<TimelineItem>): TimelineItem => ({
  id,
  kind: 'config.chose',
  channel: 'web',
  actor: { who: 'you' },
  at: '2026-08-01T09:00:00.000Z',
  catalogId: 'mini',
  catalogVersion: '2026.11.0',
  payload: {},
  ...over,
});

const mini = validateCatalog(miniCatalog(), 'mini.json');
const catalogList = [...catalogs, { ...catalogs[0], id: 'mini', name: 'Mini PC', version: mini.version }];

describe('TimelinePage', () => {
  it('shows each interaction with channel, actor, time, catalog version and what happened; loads more', async () => {
    const calls = serve({
      'GET /api/me': { status: 200, body: anna },
      'GET /api/catalogs': { status: 200, body: catalogList },
      'GET /api/catalogs/mini': { status: 200, body: mini },
      'GET /api/me/timeline?limit=20': {
        status: 200,
        body: {
          items: [
            entry('1', { payload: { slotId: 'cpu', optionId: 'cpu-amd', quantity: 1 } }),
            entry('1b', {
              kind: 'config.unchose',
              at: '2026-08-01T08:59:00.000Z',
              payload: { slotId: 'cpu', optionId: 'cpu-intel' },
            }),
            entry('2', { kind: 'order.placed', payload: { totalCents: 303700 } }),
          ],
          nextCursor: 'cursor-2',
        },
      },
      'GET /api/me/timeline?limit=20&before=cursor-2': {
        status: 200,
        body: {
          items: [
            entry('3', {
              kind: 'store.visit',
              channel: 'store',
              actor: sam,
              catalogId: null,
              catalogVersion: null,
              payload: { note: 'Looked at cases' },
              at: '2025-03-02T15:30:00.000Z',
            }),
          ],
          nextCursor: null,
        },
      },
    });
    renderApp('/account/timeline');
    const list = await screen.findByRole('list', { name: 'Your history' });
    const first = within(list).getAllByRole('listitem')[0] as HTMLElement;
    // One sitting's configuration steps read as one entry that opens into each step.
    expect(first).toHaveTextContent('Made 2 configuration changes');
    expect(first).toHaveTextContent('Web');
    expect(first).toHaveTextContent('1 Aug 2026');
    // Product names come from the catalog list, which may answer after the timeline.
    await waitFor(() => expect(first).toHaveTextContent('by you · Mini PC, catalog 2026.11.0'));
    const user = userEvent.setup();
    await user.click(within(first).getByText('Show each of the 2 changes'));
    expect(await within(first).findByText(/Chose Ryzen 5 for Processor/)).toBeVisible();
    expect(within(first).getByText(/Removed Core i9 from Processor/)).toBeVisible();
    expect(within(list).getByText('Placed an order (€3,037)')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 3 entries.');

    await user.click(screen.getByRole('button', { name: 'Show earlier entries' }));
    const visit = (await within(list).findByText('Visited the store')).closest('li');
    await waitFor(() => expect(visit).toHaveFocus());
    expect(visit).toHaveTextContent('In store');
    expect(visit).toHaveTextContent('“Looked at cases”');
    expect(visit).toHaveTextContent('by Sam (sales)');
    expect(screen.queryByRole('button', { name: 'Show earlier entries' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.url.startsWith('/api/me/timeline')).map((c) => c.url)).toEqual([
      '/api/me/timeline?limit=20',
      '/api/me/timeline?limit=20&before=cursor-2',
    ]);
  });

  it('words the store continuing the customer’s build, naming the staff member by first name and role', async () => {
    serve({
      'GET /api/me': { status: 200, body: anna },
      'GET /api/catalogs': { status: 200, body: catalogList },
      'GET /api/catalogs/mini': { status: 200, body: mini },
      'GET /api/me/timeline?limit=20': {
        status: 200,
        body: {
          items: [
            entry('s1', { kind: 'store.session_opened', channel: 'store', actor: sam }),
            entry('s2', {
              kind: 'store.build_opened',
              channel: 'store',
              actor: sam,
              at: '2026-07-30T09:00:00.000Z',
              payload: { buildId: 'b1', name: 'Desk PC' },
            }),
          ],
          nextCursor: null,
        },
      },
    });
    renderApp('/account/timeline');
    const list = await screen.findByRole('list', { name: 'Your history' });
    const [session, build] = within(list).getAllByRole('listitem');
    expect(session).toHaveTextContent('Continued your build in the store where you left it online');
    expect(session).toHaveTextContent('by Sam (sales)');
    expect(build).toHaveTextContent('Continued your build “Desk PC” with you in the store');
    expect(list).not.toHaveTextContent('store.');
  });
});

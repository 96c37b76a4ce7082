// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OwnTimelineItem as TimelineItem } from '../../contract/interactions.schema.ts';
import { anna, catalogs, renderApp, serve, type Reply } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const order: TimelineItem = {
  id: 't-1',
  kind: 'order.placed',
  channel: 'web',
  actor: { who: 'you' },
  at: '2026-08-01T09:00:00.000Z',
  catalogId: 'pc',
  catalogVersion: '2026.11.1',
  payload: { totalCents: 303700 },
};
const serverError: Reply = {
  status: 500,
  body: { error: { code: 'internal', message: 'Something went wrong.' } },
};

/**
 * Lets the page run for a while: what must not happen (another request, a remount) has no moment to wait for.
 * Before the fix the layout remounted its page hundreds of times in this span.
 */
const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AccountLayout when the catalog list fails', () => {
  it('says so once, keeps the page with products by id, asks again only when told to', async () => {
    let catalogReply = serverError;
    const calls = serve({
      'GET /api/me': { status: 200, body: anna },
      'GET /api/catalogs': () => catalogReply,
      'GET /api/me/timeline?limit=20': { status: 200, body: { items: [order], nextCursor: null } },
    });
    const requests = (path: string) =>
      calls.filter((c) => new URL(c.url, 'http://shop.test').pathname === path);
    renderApp('/account/timeline');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The product names could not be loaded, so products are shown by their ids.',
    );
    expect(alert).toHaveTextContent('Something went wrong.');
    const heading = screen.getByRole('heading', { level: 1, name: 'Your history' });
    const entry = within(await screen.findByRole('list', { name: 'Your history' })).getByRole('listitem');
    expect(entry).toHaveTextContent('Placed an order (€3,037)');
    expect(entry).toHaveTextContent('pc, catalog 2026.11.1');
    expect(screen.getByRole('navigation', { name: 'Account' })).toBeVisible();

    await quiet(600);
    // The same elements: nothing was unmounted and mounted again, and nothing more was asked.
    expect(screen.getAllByRole('alert')).toEqual([alert]);
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
    expect(screen.getByRole('listitem')).toBe(entry);
    expect(requests('/api/catalogs')).toHaveLength(1);
    expect(requests('/api/me/timeline')).toHaveLength(1);

    catalogReply = { status: 200, body: catalogs };
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(entry).toHaveTextContent('Aurora Desktop, catalog 2026.11.1'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('listitem')).toBe(entry);
    expect(requests('/api/catalogs')).toHaveLength(2);
    expect(requests('/api/me/timeline')).toHaveLength(1);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { OwnTimelineItem as TimelineItem } from '../../contract/interactions.schema.ts';
import { validateCatalog } from '../../core/catalog/index.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { anna, catalogs, renderApp, serve } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const sam = { who: 'staff' as const, name: 'Sam', role: 'sales' };
const mini = validateCatalog(miniCatalog(), 'mini.json');
const catalogList = [...catalogs, { ...catalogs[0], id: 'mini', name: 'Mini PC', version: mini.version }];
const quoteEntry = (id: string, over: Partial<TimelineItem>): TimelineItem => ({
  id,
  kind: 'quote.created',
  channel: 'store',
  actor: sam,
  at: '2026-08-01T09:00:00.000Z',
  catalogId: 'mini',
  catalogVersion: mini.version,
  payload: { quoteId: 'q1', groupId: 'q1', revision: 1, totalCents: 123_400, discountPercent: 5 },
  ...over,
});

describe('the customer’s timeline of quotes made in the store', () => {
  it('words a quote made and a quote revised, with its total, by the staff member’s first name and role', async () => {
    serve({
      'GET /api/me': { status: 200, body: anna },
      'GET /api/catalogs': { status: 200, body: catalogList },
      'GET /api/catalogs/mini': { status: 200, body: mini },
      'GET /api/me/timeline?limit=20': {
        status: 200,
        body: {
          items: [
            quoteEntry('2', {
              kind: 'quote.revised',
              at: '2026-08-02T09:00:00.000Z',
              payload: { quoteId: 'q2', groupId: 'q1', revision: 2, totalCents: 119_900, discountPercent: 8 },
            }),
            quoteEntry('1', {}),
          ],
          nextCursor: null,
        },
      },
    });
    renderApp('/account/timeline');
    const list = await screen.findByRole('list', { name: 'Your history' });
    const [revised, created] = within(list).getAllByRole('listitem');
    expect(revised).toHaveTextContent('Revised your quote: revision 2 (€1,199)');
    expect(created).toHaveTextContent('Made you a quote (€1,234)');
    expect(created).toHaveTextContent('by Sam (sales)');
    expect(list).not.toHaveTextContent('quote.');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderEditor, serve } from '../test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (slotId: string, optionId: string, orders: number, recommended: number, taken: number) => ({
  slotId,
  optionId,
  orders,
  sessions: orders * 2,
  recommended,
  taken,
});

describe('popularity', () => {
  it('lists options by orders, and sorts by any column', async () => {
    const user = userEvent.setup();
    serve({
      'GET /api/catalog-admin/catalogs/mini/popularity': {
        status: 200,
        body: {
          catalogId: 'mini',
          totals: { orders: 30, sessions: 80 },
          options: [
            row('cpu', 'cpu-amd', 10, 4, 1),
            row('cpu', 'cpu-intel', 20, 0, 0),
            row('gpu', 'gpu-4070', 5, 10, 9),
          ],
        },
      },
    });
    renderEditor('/catalogs/mini/popularity');
    const table = await screen.findByRole('table', { name: 'Options by popularity' });
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell').at(1)?.textContent);
    expect(names()).toEqual(['Core i9', 'Ryzen 5', 'RTX 4070']);
    expect(screen.getByText('30 orders and 80 configuration sessions in all.')).toBeInTheDocument();
    const rate = within(table).getByRole('button', { name: 'Taken rate' });
    await user.click(rate);
    expect(rate.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['RTX 4070', 'Ryzen 5', 'Core i9']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('90%');
  });
});

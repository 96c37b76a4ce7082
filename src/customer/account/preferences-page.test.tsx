// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PreferencesResponse } from '../../contract/preferences.schema.ts';
import { anna, renderApp, serve } from './test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const learned: PreferencesResponse = {
  personalization: true,
  halfLifeDays: 90,
  preferences: [
    {
      key: 'pc/attr/gpuBrand/NVIDIA',
      kind: 'affinity',
      catalogId: 'pc',
      dimension: 'GPU brand',
      value: 'NVIDIA',
      score: 0.75,
      confidence: 0.4,
      source: 'learned',
      evidence: 'You chose NVIDIA for GPU brand in 3 of 4 choices.',
    },
    {
      key: 'pc/price/gpu',
      kind: 'price-band',
      catalogId: 'pc',
      dimension: 'Graphics card price',
      value: 'lower range',
      score: 0.1,
      confidence: 0.05,
      source: 'learned',
      evidence: 'Your 4 Graphics card choices sit at 10% of its price range.',
    },
  ],
  leanings: [
    { catalogId: 'pc', position: 0.3, leaning: 'price', evidence: 'Across 4 choices you pick at 30%.' },
  ],
};

function serveProfile() {
  let profile = learned;
  const calls = serve({
    'GET /api/me': { status: 200, body: anna },
    'GET /api/me/preferences': () => ({ status: 200, body: profile }),
    'PUT /api/me/preferences/overrides': (body) => {
      const { key, value } = body as { key: string; value: number | null };
      profile = {
        ...profile,
        preferences: profile.preferences.map((p) =>
          p.key === key && value !== null ? { ...p, score: value, confidence: 1, source: 'corrected' } : p,
        ),
      };
      return { status: 200, body: profile };
    },
    'PUT /api/me/preferences/personalization': (body) => {
      profile = { ...profile, personalization: (body as { enabled: boolean }).enabled };
      return { status: 200, body: profile };
    },
    'POST /api/me/preferences/reset': () => {
      profile = { ...profile, preferences: [], leanings: [] };
      return { status: 200, body: profile };
    },
  });
  return calls;
}

describe('PreferencesPage', () => {
  it('explains each learned preference by product, with its strength and how sure we are', async () => {
    serveProfile();
    renderApp('/account/preferences');
    const group = await screen.findByRole('region', { name: 'Aurora Desktop' });
    expect(group).toHaveTextContent('Leaning to price.');
    const [gpu, band] = within(group).getAllByRole('listitem');
    expect(gpu).toHaveTextContent('GPU brand: NVIDIA');
    expect(gpu).toHaveTextContent('You chose NVIDIA for GPU brand in 3 of 4 choices.');
    expect(within(gpu as HTMLElement).getByRole('meter', { name: 'How much you like it' })).toHaveAttribute(
      'value',
      '75',
    );
    expect(band).toHaveTextContent('Price level: 10% · little evidence yet');
  });

  it('corrects one preference, which then shows as set by the customer', async () => {
    const calls = serveProfile();
    renderApp('/account/preferences');
    const user = userEvent.setup();
    const group = await screen.findByRole('region', { name: 'Aurora Desktop' });
    const gpu = within(group).getAllByRole('listitem')[0] as HTMLElement;
    await user.selectOptions(within(gpu).getByRole('combobox', { name: 'Correct this' }), 'Not for me');
    expect(await within(gpu).findByText('set by you')).toBeVisible();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ key: 'pc/attr/gpuBrand/NVIDIA', value: 0 });
    expect(within(gpu).getByRole('combobox', { name: 'Correct this' })).toHaveDisplayValue('Not for me');
  });

  it('turns personalization off and resets everything after asking', async () => {
    const calls = serveProfile();
    renderApp('/account/preferences');
    const user = userEvent.setup();
    const toggle = await screen.findByRole('switch', { name: /Use my preferences/ });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(screen.getByText(/Personalization is off/)).toBeVisible();
    expect(calls.find((c) => c.url.endsWith('/personalization'))?.body).toEqual({ enabled: false });

    await user.click(screen.getByRole('button', { name: 'Reset all preferences' }));
    const confirm = screen.getByRole('alertdialog');
    expect(within(confirm).getByRole('button', { name: 'Yes, reset' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Yes, reset' }));
    expect(await screen.findByText(/We have not learned anything yet/)).toBeVisible();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { CatalogDiff } from '../../contract/catalog-admin.schema.ts';
import { miniResponse, renderEditor, serve } from '../test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const diff: CatalogDiff = {
  from: '2026.11.1',
  to: 'draft:d-gpu',
  edits: [
    {
      subject: 'option',
      change: 'added',
      id: 'gpu-5090',
      path: '$.slots[2].options[1]',
      summary: 'RTX 5090 added',
    },
    {
      subject: 'price',
      change: 'changed',
      id: 'gpu-4070',
      path: '$.slots[2].options[0].price',
      summary: 'price of RTX 4070: €600 → €550',
    },
    {
      subject: 'rule',
      change: 'removed',
      id: 'old-rule',
      path: '$.rules[3]',
      summary: 'rule old-rule removed',
    },
  ],
  buildsBefore: '9007199254740993',
  buildsAfter: '9007199254740995',
  gained: '3',
  lost: '1',
  exampleGained: { cpu: { 'cpu-amd': 1 }, board: { 'mb-b650': 1 }, gpu: { 'gpu-4070': 1 } },
  exampleLost: { cpu: { 'cpu-intel': 1 }, gpu: {} },
  effect: 'both',
};

describe('the diff', () => {
  it('groups the edits by subject, counts exactly, and shows one build gained and one lost by name', async () => {
    serve({
      'GET /api/catalog-admin/catalogs/mini/diff?from=2026.11.1&to=draft%3Ad-gpu': {
        status: 200,
        body: diff,
      },
      'GET /api/catalog-admin/drafts/d-gpu/catalog': { status: 200, body: miniResponse },
    });
    renderEditor('/catalogs/mini/diff?from=2026.11.1&to=draft%3Ad-gpu');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'From 2026.11.1 to draft “New GPU”' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('This change adds some builds and removes others.')).toBeInTheDocument();
    expect(screen.getByText('9,007,199,254,740,993')).toBeInTheDocument();
    expect(screen.getByText('+3')).toBeInTheDocument();
    expect(screen.getByText('−1')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Prices' })).getByText(/price of RTX 4070/),
    ).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Options' })).getByRole('listitem')).toHaveTextContent(
      'added RTX 5090 added gpu-5090',
    );
    expect(within(screen.getByRole('region', { name: 'Options' })).getByRole('listitem')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Rules' })).getByRole('listitem')).toBeInTheDocument();
    const gained = screen.getByRole('region', { name: 'A build gained' });
    expect(gained).toHaveTextContent('ProcessorRyzen 5');
    expect(gained).toHaveTextContent('Graphics cardRTX 4070');
    const lost = screen.getByRole('region', { name: 'A build lost' });
    expect(lost).toHaveTextContent('ProcessorCore i9');
    expect(lost).toHaveTextContent('Graphics cardnone');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { gpuDraft, miniResponse, renderEditor, serve } from '../test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the preview', () => {
  it('runs the draft in the real configurator under a banner, and saves and logs nothing', async () => {
    const calls = serve({
      'GET /api/catalog-admin/drafts/d-gpu': {
        status: 200,
        body: { ...gpuDraft, document: miniCatalog(), issues: [] },
      },
      'GET /api/catalog-admin/drafts/d-gpu/catalog': { status: 200, body: miniResponse },
    });
    renderEditor('/catalogs/mini/drafts/d-gpu/preview');
    expect(await screen.findByText('Preview of the draft “New GPU”.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Mini PC: preview' })).toBeInTheDocument();
    expect(await screen.findByText('Ryzen 5')).toBeInTheDocument();
    const asked = calls.map((c) => `${c.method} ${c.url}`);
    expect(asked.filter((c) => !c.startsWith('GET '))).toEqual([]);
    expect(asked.some((c) => /session|interaction|recommendation/.test(c))).toBe(false);
  });
});

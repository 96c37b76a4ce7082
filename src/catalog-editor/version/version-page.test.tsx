// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gpuDraft, renderEditor, serve } from '../test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a version', () => {
  it('shows its note, who and when, status and build count, and links a diff with a draft', async () => {
    const user = userEvent.setup();
    serve({});
    renderEditor('/catalogs/mini/versions/2026.11.1');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Mini PC 2026.11.1 live');
    expect(screen.getByText('Cheaper PSU')).toBeInTheDocument();
    expect(screen.getByText(/Cara Lindqvist on 10 Nov 2026/)).toBeInTheDocument();
    expect(screen.getByText('12 builds, sessions, quotes and orders name this version')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Compare with'), 'draft:d-gpu');
    expect(screen.getByRole('link', { name: 'Show the changes' })).toHaveAttribute(
      'href',
      '/catalogs/mini/diff?from=2026.11.1&to=draft%3Ad-gpu',
    );
  });

  it('rolls back after saying what happens; a changed live version is said plainly', async () => {
    const user = userEvent.setup();
    const calls = serve({
      'POST /api/catalog-admin/catalogs/mini/rollback': {
        status: 409,
        body: { error: { code: 'live_version_changed', message: 'Another version is live.' } },
      },
    });
    renderEditor('/catalogs/mini/versions/2026.11.1');
    await user.click(await screen.findByRole('button', { name: 'Roll back…' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back 2026.11.1?' });
    expect(dialog).toHaveTextContent(
      'The previous version, 2026.11.0, becomes live again at once, and 2026.11.1 is withdrawn: its content comes back as a draft',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(
      await screen.findByText(/Not rolled back: 2026.11.1 is no longer the live version/),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: '2026.11.1' });
  });

  it('after a rollback, links the draft it became', async () => {
    const user = userEvent.setup();
    serve({
      'POST /api/catalog-admin/catalogs/mini/rollback': {
        status: 200,
        body: {
          live: '2026.11.0',
          draft: { ...gpuDraft, id: 'd-back', title: 'Rolled back 2026.11.1' },
        },
      },
    });
    renderEditor('/catalogs/mini/versions/2026.11.1');
    await user.click(await screen.findByRole('button', { name: 'Roll back…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByText(/Rolled back: 2026.11.0 is live again/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the draft “Rolled back 2026.11.1”' })).toHaveAttribute(
      'href',
      '/catalogs/mini/drafts/d-back',
    );
  });

  it('a retired version offers no rollback', async () => {
    serve({});
    renderEditor('/catalogs/mini/versions/2026.11.0');
    await screen.findByText('First version');
    expect(screen.queryByRole('button', { name: 'Roll back…' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start a draft from it' })).toBeInTheDocument();
  });
});

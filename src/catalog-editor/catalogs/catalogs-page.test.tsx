// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { cara, gpuDraft, renderEditor, serve } from '../test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const created = { ...gpuDraft, id: 'd-new', title: 'Imported', document: {}, issues: [] };

describe('the catalog list', () => {
  it('shows each catalog with its live version, versions and drafts, in the editor frame', async () => {
    serve({});
    renderEditor('/catalogs');
    const section = await screen.findByRole('region', { name: /Mini PC/ });
    expect(within(screen.getByRole('banner')).getByText('Cara Lindqvist, catalog')).toBeInTheDocument();
    expect(within(section).getByText('Live version:')).toHaveTextContent('Live version: 2026.11.1');
    const versions = within(section).getByRole('table', { name: 'Versions of Mini PC' });
    const rows = within(versions).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/2026\.11\.1\s*live/);
    expect(rows[1]).toHaveTextContent('Cheaper PSU');
    expect(rows[2]).toHaveTextContent(/retired.*First version.*someone.*40/);
    const drafts = within(section).getByRole('table', { name: 'Drafts of Mini PC' });
    expect(within(drafts).getByRole('link', { name: 'New GPU' })).toHaveAttribute(
      'href',
      '/catalogs/mini/drafts/d-gpu',
    );
    expect(drafts).toHaveTextContent(/2026\.11\.1.*Cara Lindqvist, 12 Nov 2026/);
    expect(within(section).getByRole('link', { name: 'Popularity' })).toHaveAttribute(
      'href',
      '/catalogs/mini/popularity',
    );
  });

  it('sends other roles away and guests to sign in', async () => {
    serve({ 'GET /api/me': { status: 200, body: { ...cara, user: { ...cara.user, role: 'sales' } } } });
    renderEditor('/catalogs');
    expect(await screen.findByRole('alert')).toHaveTextContent('for product managers');
    cleanup();
    serve({ 'GET /api/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'no' } } } });
    renderEditor('/catalogs/mini/popularity');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/sign-in?next=%2Fcatalogs%2Fmini%2Fpopularity',
      ),
    );
  });

  it('imports a catalog file: problems by JSON path create nothing; a good file starts the draft', async () => {
    const user = userEvent.setup();
    const calls = serve({ 'POST /api/catalog-admin/catalogs/mini/drafts': { status: 201, body: created } });
    renderEditor('/catalogs');
    await user.click(await screen.findByRole('button', { name: 'New draft' }));
    const dialog = screen.getByRole('dialog', { name: 'New draft of Mini PC' });
    await user.type(within(dialog).getByLabelText('Title'), 'Imported');
    await user.click(within(dialog).getByLabelText('a catalog file'));
    const bad = miniCatalog();
    bad.slots = bad.slots.map((slot, i) => (i === 0 ? { ...slot, group: 'nowhere' } : slot));
    await user.upload(
      within(dialog).getByLabelText('Catalog file (JSON)'),
      new File([JSON.stringify(bad)], 'mini.json', { type: 'application/json' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The file has 1 problem; no draft was created.');
    expect(alert).toHaveTextContent('$.slots[0].group unknown group "nowhere"');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    const good = miniCatalog();
    await user.upload(
      within(dialog).getByLabelText('Catalog file (JSON)'),
      new File([JSON.stringify(good)], 'mini.json', { type: 'application/json' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/catalogs/mini/drafts/d-new'),
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { title: 'Imported', from: { document: JSON.parse(JSON.stringify(good)) } },
    ]);
  });

  it('starts a draft from another version', async () => {
    const user = userEvent.setup();
    const calls = serve({ 'POST /api/catalog-admin/catalogs/mini/drafts': { status: 201, body: created } });
    renderEditor('/catalogs');
    await user.click(await screen.findByRole('button', { name: 'New draft' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Title'), 'Back to basics');
    await user.click(within(dialog).getByLabelText('another version'));
    await user.selectOptions(within(dialog).getByLabelText('Version'), '2026.11.0');
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        title: 'Back to basics',
        from: { version: '2026.11.0' },
      }),
    );
  });

  it('exports a version as a JSON file download', async () => {
    const user = userEvent.setup();
    const document = miniCatalog();
    serve({
      'GET /api/catalog-admin/catalogs/mini/versions/2026.11.0/document': { status: 200, body: document },
    });
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'),
        revokeObjectURL: () => {},
      }),
    );
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderEditor('/catalogs');
    await user.click(await screen.findByRole('button', { name: 'Export 2026.11.0 as a catalog file' }));
    await waitFor(() => expect(clicked).toEqual(['mini-2026.11.0.json']));
    expect(JSON.parse(String(await blobs.at(0)?.text()))).toEqual(document);
  });
});

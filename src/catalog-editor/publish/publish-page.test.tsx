// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Handler } from '../../../test/fixtures/fake-api.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import type { DraftCheckResponse } from '../../contract/catalog-admin.schema.ts';
import { check, gpuDraft, impact, liveVersion, renderEditor, serve } from '../test-kit.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const draft = { ...gpuDraft, document: miniCatalog(), issues: [] };
const dead = {
  kind: 'dead' as const,
  severity: 'warning' as const,
  ids: ['gpu-4070', 'psu-power'],
  message: 'RTX 4070 is in no valid build',
  explanation: ['psu-power: total power draw ≤ PSU watts'],
};
const untranslated = {
  kind: 'missing-translation' as const,
  severity: 'warning' as const,
  ids: ['gpu-4070'],
  message: 'RTX 4070 has no German name',
};

function servePublish(checks: DraftCheckResponse[], publish?: Handler) {
  let asked = 0;
  return serve({
    'GET /api/catalog-admin/drafts/d-gpu': { status: 200, body: draft },
    'POST /api/catalog-admin/drafts/d-gpu/check': () => ({
      status: 200,
      body: checks[Math.min(asked++, checks.length - 1)],
    }),
    'GET /api/catalog-admin/drafts/d-gpu/impact': { status: 200, body: impact },
    ...(publish ? { 'POST /api/catalog-admin/drafts/d-gpu/publish': publish } : {}),
  });
}

const published = { ...liveVersion, version: '2026.11.2', note: 'New GPU' };

describe('publishing a draft', () => {
  it('errors block the button', async () => {
    servePublish([check({ findings: [{ ...dead, severity: 'error' }] })]);
    renderEditor('/catalogs/mini/drafts/d-gpu/publish');
    expect(await screen.findByText('RTX 4070 is in no valid build')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish now' })).toBeDisabled();
    expect(screen.getByText(/Errors block publishing/)).toBeInTheDocument();
  });

  it('says when the draft was checked as a d-DNNF, and which checks that leaves out', async () => {
    servePublish([check({ form: 'dnnf' })]);
    renderEditor('/catalogs/mini/drafts/d-gpu/publish');
    expect(
      await screen.findByText(/checked as a d-DNNF: unreachable slot quantities and redundant rules/),
    ).toBeInTheDocument();
  });

  it('shows the impact: counts, the invalid build with its owner and why, prices before and after', async () => {
    servePublish([check()]);
    renderEditor('/catalogs/mini/drafts/d-gpu/publish');
    const report = await screen.findByRole('table', { name: 'Builds, sessions and quotes affected' });
    expect(screen.getByText('1 would no longer fit')).toBeInTheDocument();
    const [, build, quote] = within(report).getAllByRole('row');
    expect(build).toHaveTextContent(/Saved build b-1.*Anna Berger.*would no longer fit/);
    expect(build).toHaveTextContent('The draft no longer has RTX 4070.');
    expect(build).toHaveTextContent('rule psu-power: total power draw ≤ PSU watts');
    expect(build).toHaveTextContent('€1,200 → —');
    expect(quote).toHaveTextContent(/Open quote q-1.*Ben Walker.*stays valid.*€900 → €850/);
    expect(screen.getByText('7 valid builds.')).toBeInTheDocument();
    expect(screen.queryByText(/d-DNNF/)).toBeNull();
  });

  it('needs every warning acknowledged, then publishes the checked revision with their keys', async () => {
    const user = userEvent.setup();
    const calls = servePublish([check({ findings: [dead, untranslated] })], {
      status: 201,
      body: published,
    });
    renderEditor('/catalogs/mini/drafts/d-gpu/publish');
    await user.type(await screen.findByLabelText('Note (what changed and why)'), 'New GPU');
    await user.click(screen.getByLabelText(/publish anyway: RTX 4070 is in no valid build/));
    await user.click(screen.getByRole('button', { name: 'Publish now' }));
    expect(await screen.findByText('Acknowledge every warning first.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.endsWith('/publish'))).toBe(false);

    await user.click(screen.getByLabelText(/publish anyway: RTX 4070 has no German name/));
    await user.click(screen.getByRole('button', { name: 'Publish now' }));
    expect(await screen.findByText('Published: 2026.11.2 is live.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.endsWith('/publish'))?.body).toEqual({
      revision: 3,
      note: 'New GPU',
      acknowledged: ['dead:gpu-4070,psu-power', 'missing-translation:gpu-4070'],
    });
  });

  it('schedules at a future date and time, refusing a past one', async () => {
    const user = userEvent.setup();
    const calls = servePublish([check()], {
      status: 201,
      body: { ...published, status: 'scheduled', effectiveAt: '2099-01-02T08:00:00.000Z' },
    });
    renderEditor('/catalogs/mini/drafts/d-gpu/publish');
    await user.type(await screen.findByLabelText('Note (what changed and why)'), 'Next year');
    await user.click(screen.getByLabelText('at a date and time'));
    const at = screen.getByLabelText('Date and time');
    await user.type(at, '2001-01-02T09:00');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText(/Choose a date and time in the future/)).toBeInTheDocument();
    await user.clear(at);
    await user.type(at, '2099-01-02T09:00');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText(/Scheduled: 2026.11.2 goes live on/)).toBeInTheDocument();
    const body = calls.find((c) => c.url.endsWith('/publish'))?.body as { effectiveAt: string };
    expect(new Date(body.effectiveAt).getTime()).toBe(new Date('2099-01-02T09:00').getTime());
  });

  it('a draft saved since the check: says so, and checking again starts over', async () => {
    const user = userEvent.setup();
    const calls = servePublish([check({ findings: [untranslated] }), check({ revision: 4 })], {
      status: 409,
      body: { error: { code: 'draft_conflict', message: 'The draft changed.' } },
    });
    renderEditor('/catalogs/mini/drafts/d-gpu/publish');
    await user.type(await screen.findByLabelText('Note (what changed and why)'), 'x');
    await user.click(screen.getByLabelText(/publish anyway/));
    await user.click(screen.getByRole('button', { name: 'Publish now' }));
    const alert = await screen.findByText(/The draft was saved since it was checked/);
    await user.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Check again' }),
    );
    expect(await screen.findByText('(revision 4 as checked)')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith('/check'))).toHaveLength(2));
    expect(screen.queryByText(/The draft was saved since/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Note (what changed and why)')).toHaveValue('');
  });
});

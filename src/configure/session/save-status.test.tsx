// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createActor, fromPromise } from 'xstate';
import {
  autosaveMachine,
  SaveRefusedError,
  type SaveInput,
  type SaveOutcome,
} from '../../machines/autosave.machine.ts';
import { ApiError } from '../../ui/api-client.ts';
import { i18n } from '../../ui/i18n/i18n.ts';
import { AutosaveContext, judgeSaveError } from './autosave.ts';
import { SaveStatus } from './save-status.tsx';
import { carSession as session } from '../../../test/fixtures/car-session.ts';

/** A saver over a server that fails while `down` says so (then with `failure`), saving at once after a change. */
function saver(failure: () => Error) {
  const server = { down: true, sent: [] as SaveInput[] };
  const actor = createActor(
    autosaveMachine.provide({
      delays: { settle: 0, backoff: 3_600_000 },
      actors: {
        saveSession: fromPromise<SaveOutcome, SaveInput>(async ({ input }) => {
          server.sent.push(input);
          if (server.down) throw failure();
          return { saved: true, revision: input.baseRevision + 1 };
        }),
      },
    }),
    { input: { session: session(''), revision: 1 } },
  ).start();
  return { actor, server };
}

function show(actor: ReturnType<typeof saver>['actor'], compact = false) {
  return render(
    <AutosaveContext.Provider value={actor}>
      <SaveStatus compact={compact} />
    </AutosaveContext.Provider>,
  );
}

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

describe('the save status', () => {
  it('shows nothing where the host keeps no session', () => {
    const { container } = render(<SaveStatus />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says all is saved, then offline with "Retry now" (read out politely), then saved again once a retry goes through', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { actor, server } = saver(() => new TypeError('Failed to fetch'));
    show(actor);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('All changes saved');
    expect(screen.queryByRole('button')).toBeNull();
    act(() => actor.send({ type: 'session.change', session: session('paint-red') }));
    expect(await screen.findByText(/^Offline — your changes are kept here/)).toBe(status);
    act(() => actor.send({ type: 'session.change', session: session('paint-blue') }));
    server.down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByText('All changes saved')).toBe(status);
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(server.sent.map((s) => s.session)).toEqual([session('paint-red'), session('paint-blue')]);
  });

  it('a save refused for good says so with the server’s answer, in the shopper’s language', async () => {
    await i18n.changeLanguage('de');
    const { actor } = saver(() => new SaveRefusedError(403, 'forbidden'));
    show(actor);
    act(() => actor.send({ type: 'session.change', session: session('paint-red') }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      /konnten nicht gespeichert werden \(Antwort des Servers: 403\)/,
    );
    expect(screen.getByRole('button', { name: 'Jetzt erneut versuchen' })).toBeVisible();
  });

  it('compact (the phone’s bar): "saved" is read out but takes no room; "offline" is shown', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { actor } = saver(() => new TypeError('Failed to fetch'));
    show(actor, true);
    expect(screen.getByTestId('save-status')).toHaveClass('visually-hidden');
    act(() => actor.send({ type: 'session.change', session: session('paint-red') }));
    await screen.findByRole('button', { name: 'Retry now' });
    expect(screen.getByTestId('save-status')).not.toHaveClass('visually-hidden');
  });
});

describe('judging a failed save', () => {
  it('a 4xx will be refused again; a 408, 429, 5xx or no answer at all may pass', () => {
    for (const status of [400, 401, 403, 404, 413, 422])
      expect(judgeSaveError(new ApiError(status, 'http', 'no'))).toBeInstanceOf(SaveRefusedError);
    for (const error of [
      new ApiError(408, 'http', 'timeout'),
      new ApiError(429, 'http', 'slow down'),
      new ApiError(500, 'http', 'oops'),
      new ApiError(502, 'http', 'bad gateway'),
      new ApiError(503, 'http', 'unavailable'),
      new ApiError(504, 'http', 'gateway timeout'),
      new TypeError('Failed to fetch'),
      new DOMException('aborted', 'AbortError'),
    ])
      expect(judgeSaveError(error)).toBe(error);
  });
});

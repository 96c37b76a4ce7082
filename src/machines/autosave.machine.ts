import { assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { PersistedSession, SessionResponse } from '../contract/session.schema.ts';

/**
 * Keeps the server's copy of a configure session current while the shopper works, through a flaky connection:
 * a second after the last change a save goes out over the revision the previous one gave. When it fails for a
 * reason that may pass (no network, a 5xx, no answer in time) the change stays here, unsaved, and is tried again
 * with a growing pause, at once when the connection or the page comes back, or when the shopper asks. A save the
 * server refuses for good (a 4xx) stops retrying and says so; one refused because another device saved first ends
 * saving and hands what is stored over (`conflict`). When the session leaves the page, what is unsaved is sent at
 * once (outliving the page) and the saver stops by itself. The tags are the status the page shows.
 */

export interface AutosaveInput {
  /** The session as it starts, taken as what the server holds. */
  session: PersistedSession;
  /** The stored revision it starts from (0: none stored). */
  revision: number;
}

export interface SaveInput {
  session: PersistedSession;
  baseRevision: number;
  /** The page is hidden and may be going away: the request should outlive it. */
  keepalive: boolean;
}

/** What a save came to: stored at a new revision, or refused because another save came first. */
export type SaveOutcome = { saved: true; revision: number } | { saved: false; current: SessionResponse };

/** What the save actor rejects with when the server refused the save and sending it again will not help. */
export class SaveRefusedError extends Error {
  override readonly name = 'SaveRefusedError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface AutosaveContext {
  /** The session as it is now. */
  latest: PersistedSession;
  /** The session the save under way sends. */
  sending: PersistedSession | null;
  /** What the server holds from this page, as JSON (compared, never parsed). */
  saved: string;
  /** The revision the next save goes over. */
  revision: number;
  /** Failed attempts in a row; the pause before the next one grows with it. */
  failures: number;
  hidden: boolean;
  /** The session has left the page: what is unsaved goes at once, then the saver stops. */
  ended: boolean;
  /** The HTTP status of a save refused for good. */
  refusedWith: number | null;
}

export type AutosaveEvent =
  | { type: 'session.change'; session: PersistedSession }
  | { type: 'page.hide' }
  | { type: 'page.show' }
  | { type: 'network.online' }
  | { type: 'save.retry' }
  | { type: 'session.end' };

export type AutosaveEmitted = { type: 'conflict'; current: SessionResponse };

/** The pause after a change before it is saved, so a burst of clicks is one save. */
export const SAVE_DELAY_MS = 1000;
/** A save with no answer by then is abandoned (its request aborted) and counted as failed. */
export const SAVE_TIMEOUT_MS = 15_000;

/** The pause before retry number `failures` (≥ 1): 2 s, 4 s, 8 s, … at most 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(2000 * 2 ** Math.max(0, failures - 1), 30_000);
}

const unsaved = (context: AutosaveContext) => JSON.stringify(context.latest) !== context.saved;

const autosave = setup({
  types: {} as {
    context: AutosaveContext;
    events: AutosaveEvent;
    emitted: AutosaveEmitted;
    input: AutosaveInput;
    tags: 'saved' | 'saving' | 'offline' | 'failed' | 'conflict';
  },
  actors: {
    // The page provides the real one (its host's sessions); without it nothing can be sent.
    saveSession: fromPromise<SaveOutcome, SaveInput>(() =>
      Promise.reject(new SaveRefusedError(0, 'Saving is not available here.')),
    ),
  },
  delays: {
    settle: SAVE_DELAY_MS,
    timeout: SAVE_TIMEOUT_MS,
    backoff: ({ context }) => retryDelayMs(context.failures),
  },
  guards: {
    isUnsaved: ({ context }) => unsaved(context),
    isHidden: ({ context }) => context.hidden,
    isEnded: ({ context }) => context.ended,
    isStored: (_, params: { outcome: SaveOutcome }) => params.outcome.saved,
    isRefused: (_, params: { error: unknown }) => params.error instanceof SaveRefusedError,
  },
  actions: {
    keep: assign((_, params: { session: PersistedSession }) => ({ latest: params.session })),
    markHidden: assign({ hidden: true }),
    markShown: assign({ hidden: false }),
    // Saves from here on outlive the page, as when it is hidden.
    end: assign({ ended: true, hidden: true }),
    send: assign(({ context }) => ({ sending: context.latest })),
    stored: assign(({ context }, params: { outcome: SaveOutcome }) => ({
      saved: JSON.stringify(context.sending),
      revision: params.outcome.saved ? params.outcome.revision : context.revision,
      sending: null,
      failures: 0,
      refusedWith: null,
    })),
    countFailure: assign(({ context }) => ({ sending: null, failures: context.failures + 1 })),
    refuse: assign((_, params: { error: unknown }) => ({
      sending: null,
      refusedWith: params.error instanceof SaveRefusedError ? params.error.status : 0,
    })),
    reportConflict: enqueueActions(({ enqueue }, params: { outcome: SaveOutcome }) => {
      if (!params.outcome.saved) enqueue.emit({ type: 'conflict', current: params.outcome.current });
    }),
    warn: (_, params: { error: unknown }) => console.warn('the session could not be saved', params.error),
  },
});

export const autosaveMachine = autosave.createMachine({
  id: 'autosave',
  context: ({ input }) => ({
    latest: input.session,
    sending: null,
    saved: JSON.stringify(input.session),
    revision: input.revision,
    failures: 0,
    hidden: false,
    ended: false,
    refusedWith: null,
  }),
  initial: 'idle',
  on: {
    'session.change': { actions: { type: 'keep', params: ({ event }) => event } },
    'page.hide': { actions: 'markHidden' },
    'page.show': { actions: 'markShown' },
    'session.end': { actions: 'end' },
  },
  states: {
    idle: {
      tags: ['saved'],
      always: [
        { guard: 'isUnsaved', target: 'waiting' },
        { guard: 'isEnded', target: 'done' },
      ],
    },
    /** A change waits for the next one to settle; a hidden page saves at once (it may be closing). */
    waiting: {
      tags: ['saving'],
      always: { guard: 'isHidden', target: 'saving' },
      after: { settle: 'saving' },
      on: {
        'session.change': {
          target: 'waiting',
          reenter: true,
          actions: { type: 'keep', params: ({ event }) => event },
        },
      },
    },
    /** One save of the session as it is now; leaving the state (a timeout, the page closing) aborts it. */
    saving: {
      entry: 'send',
      invoke: {
        src: 'saveSession',
        input: ({ context }) => ({
          session: context.latest,
          baseRevision: context.revision,
          keepalive: context.hidden,
        }),
        onDone: [
          {
            guard: { type: 'isStored', params: ({ event }) => ({ outcome: event.output }) },
            target: 'idle',
            actions: { type: 'stored', params: ({ event }) => ({ outcome: event.output }) },
          },
          {
            target: 'conflict',
            actions: { type: 'reportConflict', params: ({ event }) => ({ outcome: event.output }) },
          },
        ],
        onError: [
          {
            guard: { type: 'isRefused', params: ({ event }) => ({ error: event.error }) },
            target: 'failed',
            actions: { type: 'refuse', params: ({ event }) => ({ error: event.error }) },
          },
          {
            target: 'offline',
            actions: ['countFailure', { type: 'warn', params: ({ event }) => ({ error: event.error }) }],
          },
        ],
      },
      after: { timeout: { target: 'offline', actions: 'countFailure' } },
      initial: 'first',
      states: {
        first: { tags: ['saving'] },
        // Still "offline" to the shopper until a save goes through: no "Saving…" flicker on every retry.
        retry: { tags: ['offline'] },
      },
    },
    /** Unsaved changes kept here, tried again after a pause or as soon as there is reason to think it will work. */
    offline: {
      tags: ['offline'],
      // Ended, and the last try failed: the changes go with the page.
      always: { guard: 'isEnded', target: 'done' },
      after: { backoff: 'saving.retry' },
      on: {
        'session.end': { target: 'saving.retry', actions: 'end' },
        'network.online': 'saving.retry',
        'save.retry': 'saving.retry',
        'page.show': { target: 'saving.retry', actions: 'markShown' },
        'page.hide': { target: 'saving.retry', actions: 'markHidden' },
      },
    },
    /** Refused for good: the changes stay on this page; only the shopper's "Retry now" sends them again. */
    failed: {
      tags: ['failed'],
      on: { 'save.retry': 'saving', 'session.end': 'done' },
    },
    /** Another device saved first: saving ends here (the page offers to reload theirs or keep both). */
    conflict: { tags: ['conflict'], on: { 'session.end': 'done' } },
    done: { type: 'final' },
  },
});

export type AutosaveMachine = typeof autosaveMachine;

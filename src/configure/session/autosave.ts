import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { createActor, fromPromise, type ActorRefFrom } from 'xstate';
import type { SessionResponse } from '../../contract/session.schema.ts';
import { persistSession } from '../../machines/session-persistence.ts';
import {
  autosaveMachine,
  SaveRefusedError,
  type AutosaveMachine,
  type SaveInput,
  type SaveOutcome,
} from '../../machines/autosave.machine.ts';
import { ApiError } from '../../ui/api-client.ts';
import type { ConfigureHost } from '../host.ts';
import type { SessionHandle } from './session-context.tsx';

export type AutosaveRef = ActorRefFrom<AutosaveMachine>;

/** The page's saver, for its status; null where the host keeps no session. */
export const AutosaveContext = createContext<AutosaveRef | null>(null);

export function useAutosave(): AutosaveRef | null {
  return useContext(AutosaveContext);
}

/**
 * A failed save as the saver judges it: a 4xx (other than the conflict, which is an answer, and 408/429, which
 * say "later") will be refused again, so it is not retried on its own; anything else (no network, a 5xx, an
 * aborted request) may pass.
 */
export function judgeSaveError(error: unknown): unknown {
  const refused =
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429;
  return refused ? new SaveRefusedError(error.status, error.message) : error;
}

async function saveWith(
  sessions: NonNullable<ConfigureHost['sessions']>,
  { session, baseRevision, keepalive }: SaveInput,
  signal: AbortSignal,
): Promise<SaveOutcome> {
  try {
    return await sessions.save(session, baseRevision, keepalive, signal);
  } catch (error) {
    throw judgeSaveError(error);
  }
}

/**
 * Keeps the server's copy of the session current, so the shopper can go on from any device (the autosave machine
 * decides when; this hook feeds it the session's changes, the page's visibility and the network coming back). A
 * save refused because another device saved first hands what is stored to `onConflict`. Returns the saver for the
 * page's status; null where the host keeps no session (staff trying the configurator), and then nothing is saved.
 */
export function useSessionAutosave(
  { actor }: SessionHandle,
  sessions: ConfigureHost['sessions'],
  revision: number,
  onConflict: (current: SessionResponse) => void,
): AutosaveRef | null {
  // The latest host and callback without restarting the saver (its state, the revision chain, lives in it).
  const conflictRef = useRef(onConflict);
  const sessionsRef = useRef(sessions);
  useEffect(() => {
    conflictRef.current = onConflict;
    sessionsRef.current = sessions;
  }, [onConflict, sessions]);
  const [saver, setSaver] = useState<AutosaveRef | null>(null);
  const keeps = sessions !== undefined;
  useEffect(() => {
    if (!keeps) return;
    // Made here, not in render: when the page lets go of it, it finishes its last save on its own, then stops.
    const started = createActor(
      autosaveMachine.provide({
        actors: {
          saveSession: fromPromise<SaveOutcome, SaveInput>(({ input, signal }) => {
            const current = sessionsRef.current;
            if (!current) return Promise.reject(new SaveRefusedError(0, 'This page keeps no session.'));
            return saveWith(current, input, signal);
          }),
        },
      }),
      { input: { session: persistSession(actor), revision } },
    ).start();
    setSaver(started);
    const conflict = started.on('conflict', (event) => conflictRef.current(event.current));
    const changes = actor.subscribe(() =>
      started.send({ type: 'session.change', session: persistSession(actor) }),
    );
    const onVisibility = () =>
      started.send({ type: document.visibilityState === 'hidden' ? 'page.hide' : 'page.show' });
    const onOnline = () => started.send({ type: 'network.online' });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    return () => {
      changes.unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      // A conflict found by the last save is not offered: the page that would show it is gone.
      conflict.unsubscribe();
      started.send({ type: 'session.end' });
      setSaver(null);
    };
  }, [actor, keeps, revision]);
  return saver;
}

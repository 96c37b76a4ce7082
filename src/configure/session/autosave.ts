import { useEffect, useRef } from 'react';
import type { SessionResponse } from '../../contract/session.schema.ts';
import { persistSession } from '../../machines/session-persistence.ts';
import type { ConfigureHost } from '../host.ts';
import type { SessionHandle } from './session-context.tsx';

const DELAY_MS = 1000;

/**
 * Keeps the server's copy of the session current, so the shopper can go on from any device: a second after the last
 * change, and at once when the page is hidden or the session ends. One save at a time, each over the revision the
 * previous one gave (`revision`: the one the session started from), so a save never overwrites one made elsewhere
 * unseen: a refused save stops saving and hands what is stored to `onConflict`. Saving is otherwise best effort; the
 * next change tries again. Off where the host keeps no session (staff trying the configurator).
 */
export function useSessionAutosave(
  { actor }: SessionHandle,
  sessions: ConfigureHost['sessions'],
  revision: number,
  onConflict: (current: SessionResponse) => void,
) {
  // The latest callback without restarting the saver (its state, the revision chain, lives in the effect).
  const conflictRef = useRef(onConflict);
  useEffect(() => {
    conflictRef.current = onConflict;
  }, [onConflict]);
  useEffect(() => {
    if (!sessions) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = JSON.stringify(persistSession(actor));
    let base = revision;
    let inFlight = false;
    let queued: boolean | undefined; // a save asked for while one was under way (its keepalive)
    let conflicted = false;
    const save = (keepalive: boolean) => {
      clearTimeout(timer);
      timer = undefined;
      if (conflicted) return;
      if (inFlight) {
        queued = (queued ?? false) || keepalive;
        return;
      }
      const session = persistSession(actor);
      const json = JSON.stringify(session);
      if (json === last) return;
      inFlight = true;
      sessions
        .save(session, base, keepalive)
        .then((outcome) => {
          if (outcome.saved) {
            base = outcome.revision;
            last = json;
          } else {
            conflicted = true;
            conflictRef.current(outcome.current);
          }
        })
        .catch((error: unknown) => console.warn('the session could not be saved', error))
        .finally(() => {
          inFlight = false;
          const again = queued;
          queued = undefined;
          if (again !== undefined) save(again);
        });
    };
    const subscription = actor.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => save(false), DELAY_MS);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') save(true);
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      save(true);
    };
  }, [actor, sessions, revision]);
}

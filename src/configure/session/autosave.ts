import { useEffect } from 'react';
import { persistSession } from '../../machines/session-persistence.ts';
import type { ConfigureHost } from '../host.ts';
import type { SessionHandle } from './session-context.tsx';

const DELAY_MS = 1000;

/**
 * Keeps the server's copy of the session current, so the shopper can go on from any device: a second after the last
 * change, and at once when the page is hidden or the session ends. Saving is best effort; the next change tries
 * again. Off where the host keeps no session (staff trying the configurator: sessions are the shopper's own).
 */
export function useSessionAutosave({ actor }: SessionHandle, sessions: ConfigureHost['sessions']) {
  useEffect(() => {
    if (!sessions) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = JSON.stringify(persistSession(actor));
    const save = (keepalive: boolean) => {
      clearTimeout(timer);
      timer = undefined;
      const session = persistSession(actor);
      const json = JSON.stringify(session);
      if (json === last) return;
      last = json;
      sessions.save(session, keepalive).catch((error: unknown) => {
        last = '';
        console.warn('the session could not be saved', error);
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
  }, [actor, sessions]);
}

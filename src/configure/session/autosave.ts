import { useEffect, useState } from 'react';
import { persistSession } from '../../machines/session-persistence.ts';
import { ApiError } from '../../ui/api-client.ts';
import type { ConfigureHost } from '../host.ts';
import type { SessionHandle } from './session-context.tsx';

const DELAY_MS = 1000;

/** Someone else saved the session since this page loaded or last saved it (the customer online, or the store). */
export interface SessionConflict {
  message: string;
}

/**
 * Keeps the server's copy of the session current, so it goes on from any device: a second after the last change,
 * and at once when the page is hidden or the session ends. One save at a time, each naming the revision it builds
 * on; a save refused because someone else saved meanwhile stops the saving and is returned as a conflict for the
 * page to resolve (reload theirs, or keep both) — never overwritten silently. Other failures are retried by the
 * next change. Off where the host keeps no session.
 * @param revision the stored session's revision when the page resumed it; undefined when it started from a link
 *   (a link wins: the first save builds on whatever is stored then)
 */
export function useSessionAutosave(
  { actor }: SessionHandle,
  sessions: ConfigureHost['sessions'],
  revision: number | undefined,
): SessionConflict | undefined {
  const [conflict, setConflict] = useState<SessionConflict>();
  useEffect(() => {
    if (!sessions) return;
    const catalogId = actor.getSnapshot().context.catalogId;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let base = revision;
    let last = JSON.stringify(persistSession(actor));
    let saving: Promise<void> | undefined;
    let stopped = false;
    const saveNow = async (keepalive: boolean) => {
      const session = persistSession(actor);
      const json = JSON.stringify(session);
      if (json === last || stopped) return;
      try {
        base ??= (await sessions.load(catalogId, new AbortController().signal)).revision;
        base = await sessions.save(session, base, keepalive);
        last = json;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'session_conflict') {
          stopped = true;
          setConflict({ message: error.message });
        } else console.warn('the session could not be saved', error);
      }
    };
    const save = (keepalive: boolean) => {
      clearTimeout(timer);
      timer = undefined;
      // One at a time: a save waits for the one before, so each names the revision the last one made.
      const next = (saving ?? Promise.resolve()).then(() => saveNow(keepalive));
      saving = next;
      void next.finally(() => {
        if (saving === next) saving = undefined;
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
  return conflict;
}

import { setNewest } from '../newest-first.ts';
import type { LiveSession } from '../store/sessions.repository.ts';

/**
 * The sessions this instance read lately, so a signed-in request need not query sessions, users and customers each
 * time (the heaviest part of a small write, bench:server's profile). A session's user never changes while it lives;
 * what ends it goes through here: sign-out and sign-out-everywhere forget it once the database has, idle expiry and
 * absolute expiry are judged on every request. Another instance's sign-out is seen here within `ttlMs` (the entry is
 * read again after that): SECURITY.md says so.
 */
export interface SessionCache {
  /** The session as read at most `ttlMs` before `atMs`, if this instance read it. */
  get(tokenHash: string, atMs: number): LiveSession | undefined;
  /** Where forgetting stands: read before the database, handed to {@link SessionCache.remember}. */
  epoch(): number;
  /**
   * Keeps a session read from the database at `atMs`, unless something was forgotten since `epoch` (a sign-out
   * between that read and now must not put its session back).
   */
  remember(tokenHash: string, session: LiveSession, atMs: number, epoch: number): void;
  /** The idle clock slid (sessions.repository touchSession). */
  seen(tokenHash: string, lastSeenAt: string): void;
  /** After the session was deleted from the database. */
  forget(tokenHash: string): void;
  /** After every session of the user was deleted from the database. */
  forgetUser(userId: string): void;
}

/** Long enough that a busy customer's clicks share one read, short enough for another instance's sign-out. */
export const SESSION_CACHE_TTL_MS = 2_000;

export function createSessionCache({
  ttlMs = SESSION_CACHE_TTL_MS,
  maxEntries = 10_000,
}: { ttlMs?: number; maxEntries?: number } = {}): SessionCache {
  const entries = new Map<string, { session: LiveSession; readAtMs: number }>();
  let forgotten = 0;
  return {
    get(tokenHash, atMs) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      // A clock set back (tests) counts as stale too.
      if (atMs - entry.readAtMs >= ttlMs || atMs < entry.readAtMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.session;
    },
    epoch: () => forgotten,
    remember(tokenHash, session, atMs, epoch) {
      if (epoch !== forgotten) return;
      // The oldest read goes first.
      setNewest(entries, tokenHash, { session, readAtMs: atMs }, maxEntries);
    },
    seen(tokenHash, lastSeenAt) {
      const entry = entries.get(tokenHash);
      if (entry) entry.session = { ...entry.session, lastSeenAt };
    },
    forget(tokenHash) {
      forgotten++;
      entries.delete(tokenHash);
    },
    forgetUser(userId) {
      forgotten++;
      for (const [tokenHash, { session }] of entries)
        if (session.userId === userId) entries.delete(tokenHash);
    },
  };
}

import type { Insertable, Selectable } from 'kysely';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** Slides forward at most once a minute; null only before the first request of a migrated-in session. */
  last_seen_at: string | null;
}
export type SessionRow = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;

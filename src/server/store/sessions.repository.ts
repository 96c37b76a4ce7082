import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { UserRole } from './users.table.ts';

export async function insertSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.createdAt,
    })
    .execute();
}

export interface SessionUser {
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  customerId: string | null;
}

/** A session's user with when it was last seen (or created) and when it expires regardless. */
export interface LiveSession extends SessionUser {
  lastSeenAt: string;
  expiresAt: string;
}

/**
 * The user (and their customer record, if any) of a session not past its absolute expiry, with when it was last
 * seen (or created): idle expiry depends on the role, so the caller judges it.
 */
export async function findSessionUser(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('customers', 'customers.user_id', 'users.id')
    .select([
      'users.id as userId',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'customers.id as customerId',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.created_at as createdAt',
      'sessions.expires_at as expiresAt',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { createdAt, lastSeenAt, ...user } = row;
  return { ...user, lastSeenAt: lastSeenAt ?? createdAt };
}

/** Slides a session's idle clock; the caller does it at most once a minute per session. */
export async function touchSession(db: Kysely<Database>, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** "Sign out everywhere": every session of the user goes. @returns how many there were. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Housekeeping on sign-in: a user's expired sessions go. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  userId: string,
  now: string,
): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

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

/** The user (and their customer record, if any) of an unexpired session. */
export async function findSessionUser(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<SessionUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('customers', 'customers.user_id', 'users.id')
    .select([
      'users.id as userId',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'customers.id as customerId',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
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

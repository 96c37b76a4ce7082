import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { newId, nowIso, type WithDefaults } from './ids.ts';
import type { NewUser, UserRow } from './users.table.ts';

/** Inserts a user; the e-mail is stored lower-case so look-ups ignore case. @throws on a duplicate e-mail. */
export async function insertUser(
  db: Kysely<Database>,
  user: WithDefaults<NewUser, 'id' | 'created_at'>,
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ id: newId(), created_at: nowIso(), ...user, email: user.email.toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count); // PostgreSQL's count() is int8, which pg returns as text
}

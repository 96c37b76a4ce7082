import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';

/** How many failures lock an address, and for how long after the last one. */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
}

/**
 * @returns the milliseconds until `email` may try again, or 0 when it may now. Locked: `maxFailures` failures,
 * each within `windowMs` of the one before, the last less than `windowMs` ago.
 */
export async function lockedForMs(
  db: Kysely<Database>,
  email: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select(['failures', 'last_failed_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!row || row.failures < policy.maxFailures) return 0;
  return Math.max(0, Date.parse(row.last_failed_at) + policy.windowMs - now.getTime());
}

/**
 * Counts one failure in one statement (an upsert), so concurrent attempts on several instances all count. A run
 * whose last failure is older than the window starts again at one. Stale rows of other addresses go meanwhile.
 */
export async function recordSignInFailure(
  db: Kysely<Database>,
  email: string,
  now: Date,
  windowMs: number,
): Promise<void> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  await db
    .insertInto('sign_in_failures')
    .values({ email, failures: 1, last_failed_at: at })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql<number>`case when sign_in_failures.last_failed_at > ${cutoff} then sign_in_failures.failures + 1 else 1 end`,
        last_failed_at: at,
      }),
    )
    .execute();
  await db.deleteFrom('sign_in_failures').where('last_failed_at', '<=', cutoff).execute();
}

/** A successful sign-in forgives the address's failures. */
export async function clearSignInFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}

/**
 * The secret called `name`, made by `make` on first use. Insert-if-absent then read, so instances starting together
 * on one database all end up with the first one's value.
 */
export async function serverSecret(db: Kysely<Database>, name: string, make: () => string): Promise<string> {
  await db
    .insertInto('server_secrets')
    .values({ name, value: make() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}

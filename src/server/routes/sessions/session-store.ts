import type { Kysely } from 'kysely';
import type { Issue } from '../../../contract/errors.schema.ts';
import type { PersistedSession, SessionResponse } from '../../../contract/session.schema.ts';
import { structuralProblems, type Build, type CatalogIndex } from '../../../core/catalog/build.ts';
import type { CatalogVersions } from '../../catalogs/versions.ts';
import { staffAsCustomerSees } from '../../customers/own-timeline.ts';
import { HttpError, unprocessable } from '../../errors.ts';
import {
  findConfigSession,
  saveConfigSession,
  type SessionOwner,
  type StoredSession,
} from '../../store/config-sessions.repository.ts';
import type { Database } from '../../store/database.ts';

/** Every build of the session (choices and both histories) checked against the version it names. */
function sessionProblems(index: CatalogIndex, session: PersistedSession): Issue[] {
  const { choices, past, future } = session.snapshot.context;
  const builds: [string, Build][] = [
    ['choices', choices],
    ...past.map((b, i): [string, Build] => [`past[${i}]`, b]),
    ...future.map((b, i): [string, Build] => [`future[${i}]`, b]),
  ];
  return builds.flatMap(([where, build]) =>
    // Not `complete`: a session in progress may leave slots empty.
    structuralProblems(index, build, false).map((p) => ({
      path: `body.session.snapshot.context.${where}.${p.slot}${p.option ? `.${p.option}` : ''}`,
      message: p.message,
    })),
  );
}

/**
 * Checks a session the browser sent: of this catalog, at a recorded version, naming only that version's slots and
 * options (the browser re-checks the rules itself when it restores one).
 * @throws 422 `invalid_session` naming the first path that does not fit
 */
export async function checkSession(
  versions: CatalogVersions,
  catalogId: string,
  session: PersistedSession,
): Promise<void> {
  if (session.catalogId !== catalogId)
    throw unprocessable(
      'invalid_session',
      `The session is of catalog "${session.catalogId}", not "${catalogId}".`,
      [{ path: 'body.session.catalogId', message: `must be "${catalogId}"` }],
    );
  const index = await versions.get(catalogId, session.catalogVersion);
  const issues = sessionProblems(index, session);
  if (issues.length > 0)
    throw unprocessable(
      'invalid_session',
      `The session does not fit ${index.catalog.id}@${index.catalog.version}: ${issues.length} problem(s), first ${issues[0]?.path}: ${issues[0]?.message}`,
      issues,
    );
}

async function staffOf(db: Kysely<Database>, userId: string | null) {
  if (!userId) return null;
  const user = await db
    .selectFrom('users')
    .select(['name', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  const seen = staffAsCustomerSees(user);
  return seen.who === 'staff' ? { name: seen.name, role: seen.role } : null;
}

/** The stored session as the API answers it (the same for the customer and for staff serving them). */
export async function sessionReply(
  db: Kysely<Database>,
  stored: StoredSession | undefined,
): Promise<SessionResponse> {
  return {
    session: stored?.session ?? null,
    updatedAt: stored?.updatedAt ?? null,
    revision: stored?.revision ?? 0,
    updatedBy: await staffOf(db, stored?.updatedByUserId ?? null),
  };
}

export async function readSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  catalogId: string,
): Promise<SessionResponse> {
  return sessionReply(db, await findConfigSession(db, owner, catalogId));
}

/**
 * Saves a checked session if nobody saved since `baseRevision`.
 * @returns the new revision
 * @throws 409 `session_conflict` with who saved it and when, nothing overwritten
 */
export async function writeSession(
  db: Kysely<Database>,
  owner: SessionOwner,
  session: PersistedSession,
  change: { at: string; baseRevision: number; byUserId: string | null },
): Promise<number> {
  const outcome = await saveConfigSession(db, owner, session, change);
  if (outcome.saved) return outcome.revision;
  const now = await sessionReply(db, outcome.stored);
  const by = now.updatedBy ? `${now.updatedBy.name} (${now.updatedBy.role})` : 'the customer';
  throw new HttpError(
    409,
    'session_conflict',
    `This build was changed elsewhere since you opened it: revision ${now.revision}, saved by ${by} at ${now.updatedAt ?? 'an unknown time'}. Reload it, or keep yours as a saved build.`,
    undefined,
    { revision: now.revision, updatedAt: now.updatedAt, updatedBy: by },
  );
}

import type { FastifyReply } from 'fastify';
import type { Issue } from '../../../contract/errors.schema.ts';
import {
  noSession,
  type PersistedSession,
  type PutSessionBody,
  type SessionConflictResponse,
  type SessionResponse,
} from '../../../contract/session.schema.ts';
import { structuralProblems, type Build, type CatalogIndex } from '../../../core/catalog/build.ts';
import type { CatalogVersions } from '../../catalogs/versions.ts';
import { staffAsCustomerSees } from '../../customers/own-timeline.ts';
import { unprocessable } from '../../errors.ts';
import {
  findConfigSession,
  saveConfigSession,
  type SessionOwner,
  type StoredSession,
} from '../../store/config-sessions.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Kysely } from 'kysely';

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
 * Nothing the browser sends is trusted: the envelope must be of this catalog, at a recorded version, and name only
 * that version's slots and options; the browser re-checks the rules itself when it restores one.
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

/** A stored session as its owner and staff read it: staff by first name and role, never a user id. */
export function sessionReply(stored: StoredSession | undefined): SessionResponse {
  if (!stored) return noSession;
  const { session, updatedAt, revision, updatedBy } = stored;
  const saver = updatedBy ? staffAsCustomerSees(updatedBy) : undefined;
  return {
    session,
    updatedAt,
    revision,
    updatedBy:
      saver && saver.who === 'staff'
        ? { channel: 'store', name: saver.name, role: saver.role }
        : { channel: 'web' },
  };
}

/**
 * Saves a checked session if it is still at the revision the client names; otherwise answers 409 with what is
 * stored, having written nothing.
 */
export async function saveOrConflict(
  db: Kysely<Database>,
  reply: FastifyReply,
  owner: SessionOwner,
  { session, baseRevision }: PutSessionBody,
  at: string,
  savedBy: string | null,
) {
  const revision = await saveConfigSession(db, owner, session, { at, baseRevision, savedBy });
  if (revision !== undefined) return reply.code(200).send({ revision, updatedAt: at });
  const current = sessionReply(await findConfigSession(db, owner, session.catalogId));
  const body: SessionConflictResponse = {
    error: {
      code: 'session_conflict',
      message: `The session was saved elsewhere since revision ${baseRevision}; it is now at revision ${current.revision}.`,
    },
    current,
  };
  return reply.code(409).send(body);
}

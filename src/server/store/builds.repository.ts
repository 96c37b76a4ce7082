import type { Kysely } from 'kysely';
import { buildSelectionsSchema, type BuildSelections } from '../../contract/builds.schema.ts';
import type { BuildRow, NewBuild } from './builds.table.ts';
import type { Database } from './database.ts';
import { newId, nowIso, type WithDefaults } from './ids.ts';

/** A build as the rest of the server sees it: selections parsed, not JSON text. */
export type Build = Omit<BuildRow, 'selections'> & { selections: BuildSelections };
export type NewBuildInput = WithDefaults<Omit<NewBuild, 'selections'>, 'id' | 'created_at' | 'updated_at'> & {
  selections: BuildSelections;
};

function fromRow(row: BuildRow): Build {
  // Parsing on read catches rows written by an older format instead of passing them on silently.
  return { ...row, selections: buildSelectionsSchema.parse(JSON.parse(row.selections)) };
}

export async function insertBuild(db: Kysely<Database>, build: NewBuildInput): Promise<Build> {
  const now = nowIso();
  const row = await db
    .insertInto('builds')
    .values({
      id: newId(),
      created_at: now,
      updated_at: build.created_at ?? now,
      ...build,
      selections: JSON.stringify(build.selections),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export async function findBuildById(db: Kysely<Database>, id: string): Promise<Build | undefined> {
  const row = await db.selectFrom('builds').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

/** A customer's builds, most recently changed first. */
export async function listBuildsOfCustomer(db: Kysely<Database>, customerId: string): Promise<Build[]> {
  const rows = await db
    .selectFrom('builds')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

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

/** A build owned by this customer or guest; undefined for anyone else's, so callers answer 404 and reveal nothing. */
export async function findOwnBuild(
  db: Kysely<Database>,
  owner: { customerId: string } | { guestId: string },
  id: string,
): Promise<Build | undefined> {
  let query = db.selectFrom('builds').selectAll().where('id', '=', id);
  query =
    'customerId' in owner
      ? query.where('customer_id', '=', owner.customerId)
      : query.where('guest_id', '=', owner.guestId).where('customer_id', 'is', null);
  const row = await query.executeTakeFirst();
  return row && fromRow(row);
}

export async function listBuildsOfGuest(db: Kysely<Database>, guestId: string): Promise<Build[]> {
  const rows = await db
    .selectFrom('builds')
    .selectAll()
    .where('guest_id', '=', guestId)
    .where('customer_id', 'is', null)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

export async function renameBuild(db: Kysely<Database>, id: string, name: string, at: string): Promise<void> {
  await db.updateTable('builds').set({ name, updated_at: at }).where('id', '=', id).execute();
}

export async function deleteBuild(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('builds').where('id', '=', id).execute();
}

/** Sign-in merge: a guest's builds become the customer's. @returns how many moved. */
export async function moveGuestBuilds(
  db: Kysely<Database>,
  guestId: string,
  customerId: string,
): Promise<number> {
  const result = await db
    .updateTable('builds')
    .set({ customer_id: customerId, guest_id: null })
    .where('guest_id', '=', guestId)
    .where('customer_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

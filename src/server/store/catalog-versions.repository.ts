import { sql, type Kysely } from 'kysely';
import type { CatalogVersionRow } from './catalog-versions.table.ts';
import type { Database } from './database.ts';
import { nowIso } from './ids.ts';

export interface CatalogVersionInput {
  catalogId: string;
  version: string;
  contentHash: string;
  json: string;
  /** When it was recorded (default: now). */
  at?: string;
  /** When it is live from (default: `at`). */
  effectiveAt?: string;
  note?: string;
  publishedByUserId?: string | null;
}

/**
 * - `inserted`: first time this version is seen;
 * - `unchanged`: already recorded with the same content;
 * - `conflict`: recorded with different content — the file changed without a version bump, so builds saved
 *   against the stored version would now be read against other rules. The stored row is kept.
 */
export type RecordOutcome = 'inserted' | 'unchanged' | 'conflict';

const newRow = (input: CatalogVersionInput) => {
  const at = input.at ?? nowIso();
  return {
    catalog_id: input.catalogId,
    version: input.version,
    content_hash: input.contentHash,
    json: input.json,
    published_at: at,
    effective_at: input.effectiveAt ?? at,
    note: input.note ?? '',
    published_by_user_id: input.publishedByUserId ?? null,
    withdrawn_at: null,
  };
};

/** Records a catalog version once; never overwrites (saved builds pin the stored content). */
export async function recordCatalogVersion(
  db: Kysely<Database>,
  input: CatalogVersionInput,
): Promise<RecordOutcome> {
  const existing = await findCatalogVersion(db, input.catalogId, input.version);
  if (existing) return existing.content_hash === input.contentHash ? 'unchanged' : 'conflict';
  await db
    .insertInto('catalog_versions')
    .values(newRow(input))
    // Two servers starting at once on one PostgreSQL: the second insert is a no-op, not a crash.
    .onConflict((oc) => oc.columns(['catalog_id', 'version']).doNothing())
    .execute();
  return 'inserted';
}

/** A published version; @throws the unique violation when the name is taken (the caller picks the next). */
export async function insertCatalogVersion(db: Kysely<Database>, input: CatalogVersionInput): Promise<void> {
  await db.insertInto('catalog_versions').values(newRow(input)).execute();
}

export async function findCatalogVersion(
  db: Kysely<Database>,
  catalogId: string,
  version: string,
): Promise<CatalogVersionRow | undefined> {
  return db
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** A version without its content: what choosing the live one and listing versions need. */
export interface CatalogVersionMeta {
  catalogId: string;
  version: string;
  contentHash: string;
  publishedAt: string;
  effectiveAt: string;
  note: string;
  publishedBy: string | null;
  withdrawnAt: string | null;
}

export async function listCatalogVersionMeta(db: Kysely<Database>): Promise<CatalogVersionMeta[]> {
  const rows = await db
    .selectFrom('catalog_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by_user_id')
    .select([
      'v.catalog_id',
      'v.version',
      'v.content_hash',
      'v.published_at',
      'v.effective_at',
      'v.note',
      'v.withdrawn_at',
      'u.name',
    ])
    .execute();
  return rows.map((r) => ({
    catalogId: r.catalog_id,
    version: r.version,
    contentHash: r.content_hash,
    publishedAt: r.published_at,
    effectiveAt: r.effective_at,
    note: r.note,
    publishedBy: r.name,
    withdrawnAt: r.withdrawn_at,
  }));
}

/** Version names of a catalog starting with `prefix` (`2026.12.`), to name the next one. */
export async function versionNamesLike(
  db: Kysely<Database>,
  catalogId: string,
  prefix: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('catalog_versions')
    .select('version')
    .where('catalog_id', '=', catalogId)
    .where('version', 'like', `${prefix}%`)
    .execute();
  return rows.map((r) => r.version);
}

/** Marks a version withdrawn unless it already is. @returns whether this call withdrew it. */
export async function withdrawCatalogVersion(
  db: Kysely<Database>,
  catalogId: string,
  version: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('catalog_versions')
    .set({ withdrawn_at: at })
    .where('catalog_id', '=', catalogId)
    .where('version', '=', version)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Builds, sessions, quotes and orders naming each version, keyed `catalogId@version`. */
export async function countUsesByVersion(db: Kysely<Database>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of ['builds', 'config_sessions', 'quotes', 'orders'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['catalog_id', 'catalog_version', sql<number | string>`count(*)`.as('n')])
      .groupBy(['catalog_id', 'catalog_version'])
      .execute();
    for (const r of rows) {
      const key = `${r.catalog_id}@${r.catalog_version}`;
      counts.set(key, (counts.get(key) ?? 0) + Number(r.n));
    }
  }
  return counts;
}

import type { Kysely } from 'kysely';
import { emptyProfile, type PreferenceProfile } from '../../core/profile/preferences.ts';
import { preferenceProfileSchema } from '../../core/profile/profile.schema.ts';
import type { Database, SqlDialectName } from './database.ts';
import { nowIso } from './ids.ts';
import { parseMemo } from './parse-memo.ts';

/** Stored profiles by customer id, parsed once per text. */
const profiles = parseMemo((json) => preferenceProfileSchema.parse(JSON.parse(json)));

export async function loadProfile(db: Kysely<Database>, customerId: string): Promise<PreferenceProfile> {
  const row = await db
    .selectFrom('customer_preferences')
    .select('profile')
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row ? profiles.parse(customerId, row.profile) : emptyProfile();
}

export async function saveProfile(
  db: Kysely<Database>,
  customerId: string,
  profile: PreferenceProfile,
): Promise<void> {
  const json = JSON.stringify(profile);
  const updated_at = nowIso();
  await db
    .insertInto('customer_preferences')
    .values({ customer_id: customerId, profile: json, updated_at })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet({ profile: json, updated_at }))
    .execute();
}

/** A change to one customer's profile; returning the profile itself means "nothing to write". */
export type ProfileChange = (profile: PreferenceProfile) => PreferenceProfile;

/**
 * Read-modify-write of a profile inside the caller's transaction. On PostgreSQL the row is locked first (created
 * if missing), so two concurrent requests of one customer cannot lose each other's learning; SQLite serializes
 * writers anyway.
 */
export async function updateProfile(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  customerId: string,
  change: ProfileChange,
): Promise<PreferenceProfile> {
  return (
    (await updateProfiles(trx, dialect, new Map([[customerId, change]]))).get(customerId) ?? emptyProfile()
  );
}

/**
 * {@link updateProfile} for several customers in three statements whatever their number (group commit of web
 * events). PostgreSQL rows are created if missing and locked in customer id order, so two such transactions
 * cannot deadlock each other. @returns each customer's profile after the change.
 */
export async function updateProfiles(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  changes: ReadonlyMap<string, ProfileChange>,
): Promise<Map<string, PreferenceProfile>> {
  const ids = [...changes.keys()].sort();
  if (ids.length === 0) return new Map();
  const updated_at = nowIso();
  if (dialect === 'postgres')
    await trx
      .insertInto('customer_preferences')
      .values(ids.map((id) => ({ customer_id: id, profile: JSON.stringify(emptyProfile()), updated_at })))
      .onConflict((oc) => oc.column('customer_id').doNothing())
      .execute();
  const select = trx
    .selectFrom('customer_preferences')
    .select(['customer_id', 'profile'])
    .where('customer_id', 'in', ids)
    .orderBy('customer_id');
  const rows = await (dialect === 'postgres' ? select.forUpdate() : select).execute();
  const stored = new Map(rows.map((r) => [r.customer_id, r.profile]));
  const next = new Map<string, PreferenceProfile>();
  const writes: { customer_id: string; profile: string; updated_at: string }[] = [];
  for (const id of ids) {
    const json = stored.get(id);
    const current = json === undefined ? emptyProfile() : profiles.parse(id, json);
    const after = changes.get(id)?.(current) ?? current;
    next.set(id, after);
    if (after === current) continue;
    const profile = JSON.stringify(after);
    profiles.keep(id, profile, after);
    writes.push({ customer_id: id, profile, updated_at });
  }
  if (writes.length > 0)
    await trx
      .insertInto('customer_preferences')
      .values(writes)
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          profile: eb.ref('excluded.profile'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  return next;
}

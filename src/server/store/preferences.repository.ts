import type { Kysely } from 'kysely';
import { emptyProfile, type PreferenceProfile } from '../../core/profile/preferences.ts';
import { preferenceProfileSchema } from '../../core/profile/profile.schema.ts';
import type { Database, SqlDialectName } from './database.ts';
import { nowIso } from './ids.ts';

export async function loadProfile(db: Kysely<Database>, customerId: string): Promise<PreferenceProfile> {
  const row = await db
    .selectFrom('customer_preferences')
    .select('profile')
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row ? preferenceProfileSchema.parse(JSON.parse(row.profile)) : emptyProfile();
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

/**
 * Read-modify-write of a profile inside the caller's transaction. On PostgreSQL the row is locked first (created
 * if missing), so two concurrent requests of one customer cannot lose each other's learning; SQLite serializes
 * writers anyway.
 */
export async function updateProfile(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  customerId: string,
  change: (profile: PreferenceProfile) => PreferenceProfile,
): Promise<PreferenceProfile> {
  let current: PreferenceProfile;
  if (dialect === 'postgres') {
    await trx
      .insertInto('customer_preferences')
      .values({ customer_id: customerId, profile: JSON.stringify(emptyProfile()), updated_at: nowIso() })
      .onConflict((oc) => oc.column('customer_id').doNothing())
      .execute();
    const row = await trx
      .selectFrom('customer_preferences')
      .select('profile')
      .where('customer_id', '=', customerId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    current = preferenceProfileSchema.parse(JSON.parse(row.profile));
  } else current = await loadProfile(trx, customerId);
  const next = change(current);
  if (next !== current) await saveProfile(trx, customerId, next);
  return next;
}

import type { Kysely } from 'kysely';
import { learnChoices, type Choice, type PreferenceProfile } from '../../core/profile/preferences.ts';
import type { CatalogVersions } from '../catalogs/versions.ts';
import type { Database, SqlDialectName } from '../store/database.ts';
import { updateProfile, type ProfileChange } from '../store/preferences.repository.ts';

export interface VersionedChoice extends Choice {
  catalogVersion: string;
}

/**
 * The change these choices make to a profile (looking up their catalog versions, in the caller's transaction when
 * given: SQLite's one connection is the transaction's). Personalization off: the profile itself, nothing to write;
 * choices from versions no longer known are skipped.
 */
export async function choicesLearner(
  trx: Kysely<Database>,
  versions: CatalogVersions,
  choices: readonly VersionedChoice[],
): Promise<ProfileChange> {
  const byVersion = new Map<string, VersionedChoice[]>();
  for (const c of choices) {
    const key = `${c.catalogId}@${c.catalogVersion}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), c]);
  }
  const indexes = await Promise.all(
    [...byVersion.values()].map(async (list) => {
      const first = list[0];
      return first
        ? {
            list,
            index: await versions.get(first.catalogId, first.catalogVersion, trx).catch(() => undefined),
          }
        : undefined;
    }),
  );
  return (profile) => {
    let next = profile;
    for (const entry of indexes) if (entry?.index) next = learnChoices(next, entry.index, entry.list);
    return next;
  };
}

/** Folds choices into the customer's stored preferences, in the caller's transaction (see {@link choicesLearner}). */
export async function learnFromChoices(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  versions: CatalogVersions,
  customerId: string,
  choices: readonly VersionedChoice[],
): Promise<PreferenceProfile | undefined> {
  if (choices.length === 0) return undefined;
  return updateProfile(trx, dialect, customerId, await choicesLearner(trx, versions, choices));
}

import type { Kysely } from 'kysely';
import type { ConfigEvent } from '../../../contract/interactions.schema.ts';
import type { CatalogVersions } from '../../catalogs/versions.ts';
import { choicesOf, eventPayload } from '../../customers/events.ts';
import { choicesLearner } from '../../customers/learning.ts';
import type { Database, SqlDialectName } from '../../store/database.ts';
import { groupCommit } from '../../store/group-commit.ts';
import { appendInteractions } from '../../store/interactions.repository.ts';
import { updateProfiles, type ProfileChange } from '../../store/preferences.repository.ts';

/** One request's checked events of a signed-in customer, at the server's clock. */
export interface WebEvents {
  customerId: string;
  userId: string;
  events: readonly ConfigEvent[];
  at: string;
}

/**
 * Records signed-in customers' web events and learns from their choices, many requests to a transaction
 * (store/group-commit.ts): the hottest write path, a few events per click. @returns once the events are committed.
 */
export function webEventsRecorder(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  versions: CatalogVersions,
): (events: WebEvents) => Promise<void> {
  return groupCommit<WebEvents>(db, async (trx, groups) => {
    await appendInteractions(
      trx,
      groups.flatMap(({ customerId, userId, events, at }) =>
        events.map((e) => ({
          customer_id: customerId,
          channel: 'web' as const,
          actor_user_id: userId,
          kind: e.kind,
          catalog_id: e.catalogId,
          catalog_version: e.catalogVersion,
          payload: eventPayload(e),
          created_at: at,
        })),
      ),
    );
    // A customer's requests in one group are learned from in the order they came, as one after another would be.
    const changes = new Map<string, ProfileChange>();
    for (const { customerId, events, at } of groups) {
      const choices = events.flatMap((e) =>
        choicesOf(e.kind, e.catalogId, eventPayload(e), at).map((c) => ({
          ...c,
          catalogVersion: e.catalogVersion,
        })),
      );
      if (choices.length === 0) continue;
      const learn = await choicesLearner(trx, versions, choices);
      const before = changes.get(customerId);
      changes.set(customerId, before ? (profile) => learn(before(profile)) : learn);
    }
    await updateProfiles(trx, dialect, changes);
  });
}

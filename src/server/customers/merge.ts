import type { Kysely } from 'kysely';
import type { CatalogVersions } from '../catalogs/versions.ts';
import { moveGuestBuilds } from '../store/builds.repository.ts';
import { adoptGuestConfigSessions } from '../store/config-sessions.repository.ts';
import type { Database, SqlDialectName } from '../store/database.ts';
import { deleteGuestInteractions, listGuestInteractions } from '../store/guest-interactions.repository.ts';
import { appendInteractions } from '../store/interactions.repository.ts';
import { adoptGuestRecommendationEvents } from '../store/recommendation-events.repository.ts';
import { choicesOf } from './events.ts';
import { learnFromChoices, type VersionedChoice } from './learning.ts';

/**
 * A guest's saved builds, configuration events and recommendation events become the customer's, and the events'
 * choices are learned; its live configuration sessions are kept where newer than the customer's own of that catalog.
 * Run inside the sign-in/sign-up transaction: all of it happens, or none.
 */
export async function mergeGuest(
  trx: Kysely<Database>,
  dialect: SqlDialectName,
  versions: CatalogVersions,
  guestId: string,
  customer: { customerId: string; userId: string },
): Promise<{ builds: number; interactions: number }> {
  const builds = await moveGuestBuilds(trx, guestId, customer.customerId);
  const events = await listGuestInteractions(trx, guestId);
  await appendInteractions(
    trx,
    events.map((e) => ({
      id: e.id,
      customer_id: customer.customerId,
      channel: 'web' as const,
      actor_user_id: customer.userId,
      kind: e.kind,
      catalog_id: e.catalog_id,
      catalog_version: e.catalog_version,
      payload: JSON.parse(e.payload) as Record<string, unknown>,
      created_at: e.created_at,
    })),
  );
  await deleteGuestInteractions(trx, guestId);
  await adoptGuestRecommendationEvents(trx, guestId, customer.customerId);
  await adoptGuestConfigSessions(trx, guestId, customer.customerId);
  const choices: VersionedChoice[] = events.flatMap((e) =>
    e.catalog_id && e.catalog_version
      ? choicesOf(e.kind, e.catalog_id, JSON.parse(e.payload) as Record<string, unknown>, e.created_at).map(
          (c) => ({ ...c, catalogVersion: e.catalog_version ?? '' }),
        )
      : [],
  );
  await learnFromChoices(trx, dialect, versions, customer.customerId, choices);
  return { builds, interactions: events.length };
}

import { Migrator, NO_MIGRATIONS, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { DialectMigration } from './column-types.ts';
import type { Store } from './database.ts';
import * as createCatalogVersions from '../migrations/2026_11_25_1420_create_catalog_versions.ts';
import * as createUsers from '../migrations/2026_11_25_1421_create_users.ts';
import * as createCustomers from '../migrations/2026_11_25_1422_create_customers.ts';
import * as createBuilds from '../migrations/2026_11_25_1423_create_builds.ts';
import * as createInteractions from '../migrations/2026_11_25_1424_create_interactions.ts';
import * as createSessions from '../migrations/2026_11_26_1000_create_sessions.ts';
import * as createGuestInteractions from '../migrations/2026_11_26_1001_create_guest_interactions.ts';
import * as addCustomerValueColumns from '../migrations/2026_11_26_1002_add_customer_value_columns.ts';
import * as createCustomerPreferences from '../migrations/2026_11_26_1003_create_customer_preferences.ts';
import * as createQuotes from '../migrations/2026_11_26_1004_create_quotes.ts';
import * as createOrders from '../migrations/2026_11_26_1005_create_orders.ts';
import * as createRecommendationEvents from '../migrations/2026_11_26_1006_create_recommendation_events.ts';
import * as createConfigSessions from '../migrations/2026_12_01_1200_create_config_sessions.ts';
import * as addStoreManagerRole from '../migrations/2026_12_05_1400_add_store_manager_role.ts';
import * as addCustomerClaimCode from '../migrations/2026_12_05_1410_add_customer_claim_code.ts';
import * as addInteractionsChannelIndex from '../migrations/2026_12_05_1510_add_interactions_channel_index.ts';
import * as addConfigSessionRevision from '../migrations/2026_12_05_1520_add_config_session_revision.ts';
import * as createCustomerSearchTerms from '../migrations/2026_12_05_1525_create_customer_search_terms.ts';
import * as addQuoteRevisions from '../migrations/2026_12_05_1530_add_quote_revisions.ts';
import * as createApprovalRequests from '../migrations/2026_12_05_1531_create_approval_requests.ts';
import * as addRecommendationEventChannel from '../migrations/2026_12_05_1532_add_recommendation_event_channel.ts';
import * as addApprovalRequestPendingOnce from '../migrations/2026_12_06_0900_add_approval_request_pending_once.ts';
import * as addCatalogVersionPublishing from '../migrations/2026_12_06_1000_add_catalog_version_publishing.ts';
import * as createCatalogDrafts from '../migrations/2026_12_06_1001_create_catalog_drafts.ts';
import * as addSessionLastSeen from '../migrations/2026_12_06_1100_add_session_last_seen.ts';
import * as createSignInFailures from '../migrations/2026_12_06_1101_create_sign_in_failures.ts';
import * as createServerSecrets from '../migrations/2026_12_06_1102_create_server_secrets.ts';
import * as addOrderStatus from '../migrations/2026_12_06_1200_add_order_status.ts';
import * as addCustomerBirthdayProvenance from '../migrations/2026_12_06_1201_add_customer_birthday_provenance.ts';
import * as createSignUpRequestsAndOutbox from '../migrations/2026_12_06_2300_create_sign_up_requests_and_outbox.ts';

/**
 * Every migration, by name. Listed statically (not a folder scan) so the server still finds them after bundling.
 * Append-only: add new files at the end, never edit one that has shipped.
 */
const migrations: Record<string, DialectMigration> = {
  '2026_11_25_1420_create_catalog_versions': createCatalogVersions,
  '2026_11_25_1421_create_users': createUsers,
  '2026_11_25_1422_create_customers': createCustomers,
  '2026_11_25_1423_create_builds': createBuilds,
  '2026_11_25_1424_create_interactions': createInteractions,
  '2026_11_26_1000_create_sessions': createSessions,
  '2026_11_26_1001_create_guest_interactions': createGuestInteractions,
  '2026_11_26_1002_add_customer_value_columns': addCustomerValueColumns,
  '2026_11_26_1003_create_customer_preferences': createCustomerPreferences,
  '2026_11_26_1004_create_quotes': createQuotes,
  '2026_11_26_1005_create_orders': createOrders,
  '2026_11_26_1006_create_recommendation_events': createRecommendationEvents,
  '2026_12_01_1200_create_config_sessions': createConfigSessions,
  '2026_12_05_1400_add_store_manager_role': addStoreManagerRole,
  '2026_12_05_1410_add_customer_claim_code': addCustomerClaimCode,
  '2026_12_05_1510_add_interactions_channel_index': addInteractionsChannelIndex,
  '2026_12_05_1520_add_config_session_revision': addConfigSessionRevision,
  '2026_12_05_1525_create_customer_search_terms': createCustomerSearchTerms,
  '2026_12_05_1530_add_quote_revisions': addQuoteRevisions,
  '2026_12_05_1531_create_approval_requests': createApprovalRequests,
  '2026_12_05_1532_add_recommendation_event_channel': addRecommendationEventChannel,
  '2026_12_06_0900_add_approval_request_pending_once': addApprovalRequestPendingOnce,
  '2026_12_06_1000_add_catalog_version_publishing': addCatalogVersionPublishing,
  '2026_12_06_1001_create_catalog_drafts': createCatalogDrafts,
  '2026_12_06_1100_add_session_last_seen': addSessionLastSeen,
  '2026_12_06_1101_create_sign_in_failures': createSignInFailures,
  '2026_12_06_1102_create_server_secrets': createServerSecrets,
  '2026_12_06_1200_add_order_status': addOrderStatus,
  '2026_12_06_1201_add_customer_birthday_provenance': addCustomerBirthdayProvenance,
  '2026_12_06_2300_create_sign_up_requests_and_outbox': createSignUpRequestsAndOutbox,
};

function migrator({ db, dialect, schema }: Store): Migrator {
  const bound: Record<string, Migration> = Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [
      name,
      {
        up: (trx: Kysely<unknown>) => m.up(trx, dialect),
        down: (trx: Kysely<unknown>) => m.down(trx, dialect),
      },
    ]),
  );
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(bound) },
    // Kysely looks for its bookkeeping tables in every schema unless told which; with several schemas on one
    // cluster (tests) it would find another schema's and skip creating its own.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Throws the failing migration's error, after naming the migration in it. */
function check({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    throw new Error(`migration ${failed?.migrationName ?? '(none)'} failed: ${cause.message}`, { cause });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Brings the schema up to date. @returns the names of the migrations that ran (empty when already current). */
export async function migrateToLatest(store: Store): Promise<string[]> {
  return check(await migrator(store).migrateToLatest());
}

/** Undoes every migration (tests and local resets only). @returns the names of the migrations undone. */
export async function migrateAllDown(store: Store): Promise<string[]> {
  return check(await migrator(store).migrateTo(NO_MIGRATIONS));
}

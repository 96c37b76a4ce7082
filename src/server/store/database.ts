import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg, { type CustomTypesConfig } from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApprovalRequestsTable } from './approval-requests.table.ts';
import type { BuildsTable } from './builds.table.ts';
import type { CatalogDraftRevisionsTable, CatalogDraftsTable } from './catalog-drafts.table.ts';
import type { CatalogVersionsTable } from './catalog-versions.table.ts';
import type { ConfigSessionsTable } from './config-sessions.table.ts';
import type { CustomerPreferencesTable } from './customer-preferences.table.ts';
import type { CustomerSearchTermsTable } from './customer-search-terms.table.ts';
import type { CustomersTable } from './customers.table.ts';
import type { GuestInteractionsTable } from './guest-interactions.table.ts';
import type { InteractionsTable } from './interactions.table.ts';
import type { OrdersTable, OrderStatusChangesTable } from './orders.table.ts';
import type { QuotesTable } from './quotes.table.ts';
import type { RecommendationEventsTable } from './recommendation-events.table.ts';
import type { ServerSecretsTable, SignInFailuresTable } from './sign-in.table.ts';
import type { SessionsTable } from './sessions.table.ts';
import type { OutboxMailsTable, SignUpRequestsTable } from './sign-up.table.ts';
import { withStatementCache } from './statement-cache.ts';
import type { UsersTable } from './users.table.ts';

export interface Database {
  catalog_versions: CatalogVersionsTable;
  users: UsersTable;
  customers: CustomersTable;
  builds: BuildsTable;
  interactions: InteractionsTable;
  sessions: SessionsTable;
  guest_interactions: GuestInteractionsTable;
  customer_preferences: CustomerPreferencesTable;
  quotes: QuotesTable;
  orders: OrdersTable;
  order_status_changes: OrderStatusChangesTable;
  recommendation_events: RecommendationEventsTable;
  config_sessions: ConfigSessionsTable;
  customer_search_terms: CustomerSearchTermsTable;
  approval_requests: ApprovalRequestsTable;
  catalog_drafts: CatalogDraftsTable;
  catalog_draft_revisions: CatalogDraftRevisionsTable;
  sign_in_failures: SignInFailuresTable;
  server_secrets: ServerSecretsTable;
  sign_up_requests: SignUpRequestsTable;
  outbox_mails: OutboxMailsTable;
}

export type SqlDialectName = 'sqlite' | 'postgres';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  /** `searchPath` lets tests give each file its own schema on a shared cluster. */
  | { dialect: 'postgres'; connectionString: string; searchPath?: string };

export interface Store {
  db: Kysely<Database>;
  dialect: SqlDialectName;
  /** Where the data lives, for the start-up message (no password). */
  description: string;
  /** PostgreSQL schema the tables live in, when not the server's default (tests). */
  schema?: string;
}

/** DATABASE_URL selects PostgreSQL; otherwise the embedded SQLite file (DB_FILE, default data/app.sqlite). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig {
  if (env.DATABASE_URL) return { dialect: 'postgres', connectionString: env.DATABASE_URL };
  return { dialect: 'sqlite', file: env.DB_FILE ?? 'data/app.sqlite' };
}

// pg returns timestamptz as Date, int8 as string and date as Date by default; the SQLite side returns ISO text and
// numbers. Parsing them the same way here keeps one set of row types for both dialects.
const pgParsers = new Map<number, (value: string) => unknown>([
  [1184, (value) => new Date(value).toISOString()], // timestamptz
  [1082, (value) => value], // date, already YYYY-MM-DD
  [20, (value) => Number(value)], // int8: cents stay far below 2^53
]);
const pgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    pgParsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** Opens the store; the caller owns it and must `db.destroy()` it. */
export function createStore(config: DatabaseConfig): Store {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.connectionString,
      types: pgTypes,
      ...(config.searchPath ? { options: `-c search_path=${config.searchPath}` } : {}),
    });
    const url = new URL(config.connectionString);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      description: `PostgreSQL ${url.host}${url.pathname}`,
      ...(config.searchPath ? { schema: config.searchPath } : {}),
    };
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
  if (config.file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // FULL: every commit is fsynced before the reply acknowledges it, so an acknowledged write survives a power cut
  // or OS crash, not only a killed process. better-sqlite3 builds WAL databases with NORMAL, which keeps the last
  // commits only in the OS cache until a checkpoint (SECURITY.md: durability; test/server/crash.test.ts).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    dialect: 'sqlite',
    description: config.file === ':memory:' ? 'SQLite in memory' : `SQLite ${config.file}`,
  };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createStore, type SqlDialectName, type Store } from '../../src/server/store/database.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';

export interface OpenStore {
  store: Store;
  /** Closes the store and removes what the test created (the PostgreSQL schema). */
  close(): Promise<void>;
}

export interface TestDatabase {
  dialect: SqlDialectName;
  /** Shown as the describe title, so a skipped dialect says why. */
  label: string;
  /** Why this dialect cannot run here; undefined when it can. */
  skip: string | undefined;
  /** A fresh, empty store (not migrated). */
  open(): Promise<OpenStore>;
}

const sqlite: TestDatabase = {
  dialect: 'sqlite',
  label: 'sqlite (in memory)',
  skip: undefined,
  open: async () => {
    const store = createStore({ dialect: 'sqlite', file: ':memory:' });
    return { store, close: () => store.db.destroy() };
  },
};

const url = process.env.DATABASE_URL;
const postgres: TestDatabase = {
  dialect: 'postgres',
  label: url ? 'postgres (DATABASE_URL)' : 'postgres — skipped, DATABASE_URL unset', // run: eval "$(bash scripts/pg-start.sh)"
  skip: url ? undefined : 'DATABASE_URL not set',
  // Each store gets its own schema on the shared cluster, so test files and runs never see each other's tables.
  open: async () => {
    if (!url) throw new Error('DATABASE_URL not set');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const store = createStore({ dialect: 'postgres', connectionString: url, searchPath: schema });
    return {
      store,
      close: async () => {
        await store.db.destroy();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      },
    };
  },
};

/** Every dialect the store must work on; PostgreSQL only when DATABASE_URL is set. */
export const testDatabases: readonly TestDatabase[] = [sqlite, postgres];

/** A migrated in-memory SQLite store, for API tests. */
export async function openMigratedSqlite(): Promise<OpenStore> {
  const opened = await sqlite.open();
  await migrateToLatest(opened.store);
  return opened;
}

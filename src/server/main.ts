/**
 * The only entry point that listens: loads catalogs, opens and migrates the store, seeds a first start, serves.
 *   PORT (3000), HOST (127.0.0.1), DATABASE_URL (PostgreSQL) or DB_FILE (data/app.sqlite), CATALOGS_DIR
 *   (configs/catalogs), TIERS_FILE (configs/tiers.json), COOKIE_SECURE=1 (Secure cookies behind a TLS proxy),
 *   LOG_LEVEL (info), SALES_MIN_BUYERS (5: buyers a configuration needs before the public sales figures show it),
 *   INTEGRATION_TOKENS (`name:<sha256 hex of the token>,…`: integrations' bearer tokens), and the sign-in and
 *   session settings of security-config.ts (TRUST_PROXY, ALLOWED_ORIGINS, COOKIE_SECRET, SESSION_IDLE_HOURS_*,
 *   SIGN_IN_MAX_FAILURES*, GUEST_WRITES_PER_MINUTE, MAILBOX_VIEW: the demo mailbox of sign-up mails, on by default
 *   only on a loopback HOST), PUBLIC_ORIGIN (the web address in mailed links and PDFs). `--dev`: API only, the Vite dev server serves the client.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CatalogError } from '../core/catalog/index.ts';
import { z } from 'zod';
import { buildApp } from './app.ts';
import { DEFAULT_MIN_BUYERS } from './catalogs/sales.ts';
import { parseIntegrationTokens } from './plugins/integration.ts';
import { engineOptionsFromEnv } from './catalogs/engine-options.ts';
import { createInProcessNotifier } from './events/in-process-notifier.ts';
import { createPgNotifier } from './events/pg-notifier.ts';
import type { StoreNotifier } from './events/store-notifier.ts';
import { loadCatalogRegistry } from './catalogs/registry.ts';
import { ConfigError, loadTiersConfig } from './catalogs/tiers.ts';
import { createStore, databaseConfigFromEnv, type Store } from './store/database.ts';
import { migrateToLatest } from './store/migrate.ts';
import { recordLoadedCatalogs, seedDemoData } from './store/seed.ts';
import { securityConfigFromEnv } from './security-config.ts';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
// Loopback by default: a demo with known passwords must not be reachable from the network by accident.
const host = process.env.HOST ?? '127.0.0.1';
const catalogsDir = resolve(process.env.CATALOGS_DIR ?? 'configs/catalogs');
const tiersFile = process.env.TIERS_FILE ?? 'configs/tiers.json';
const clientDir = resolve(process.env.CLIENT_DIR ?? 'dist/client');

async function start(): Promise<{ app: FastifyInstance; store: Store; notifier: StoreNotifier }> {
  // Catalogs first: a broken file stops start-up before anything touches the database.
  const catalogs = await loadCatalogRegistry(catalogsDir);
  const tiers = await loadTiersConfig(tiersFile);
  const security = securityConfigFromEnv(process.env);
  const config = databaseConfigFromEnv(process.env);
  const store = createStore(config);
  let notifier: StoreNotifier | undefined;
  try {
    const ran = await migrateToLatest(store);
    if (ran.length > 0) console.log(`Migrated ${store.description}: ${ran.join(', ')}`);
    // A file's version not recorded yet becomes live now; after that the database is the authority (README).
    for (const { id, version, file, outcome } of await recordLoadedCatalogs(store.db, catalogs)) {
      if (outcome === 'conflict')
        console.warn(
          `Warning: ${file} changed but still says version ${version}; builds saved against ${id}@${version} ` +
            'keep the recorded content. Bump "version" when publishing a change.',
        );
    }
    const seeded = await seedDemoData(
      store.db,
      catalogs.list().map((e) => e.catalog),
    );
    if (seeded.seeded)
      console.log(
        `Seeded demo data: ${seeded.users} logins (anna@/sam@/cara@example.com, password demo1234), ` +
          `${seeded.customers} customers, ${seeded.orders} orders, ${seeded.quotes} quotes, ${seeded.builds} builds, ` +
          `${seeded.interactions} interactions`,
      );
    if (catalogs.list().length === 0) console.warn(`Warning: no catalogs in ${catalogsDir}`);

    const staticDir = !dev && existsSync(join(clientDir, 'index.html')) ? clientDir : undefined;
    if (!dev && !staticDir)
      console.warn('No built client in dist/client (run `npm run build`); serving the API only.');
    // Several instances may serve one PostgreSQL database: their consoles hear each other's approvals through it.
    notifier =
      config.dialect === 'postgres'
        ? await createPgNotifier({ connectionString: config.connectionString })
        : createInProcessNotifier();
    const app = await buildApp({
      notifier,
      engine: engineOptionsFromEnv(process.env),
      warmCompiled: true,
      db: store.db,
      dialect: store.dialect,
      catalogs,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      staticDir,
      tiers,
      cookieSecure: process.env.COOKIE_SECURE === '1',
      ...security,
      integrations: parseIntegrationTokens(process.env.INTEGRATION_TOKENS),
      salesMinBuyers: z.coerce
        .number()
        .int()
        .min(1)
        .default(DEFAULT_MIN_BUYERS)
        .parse(process.env.SALES_MIN_BUYERS || undefined),
    });
    // The live catalogs are compiled ahead in a worker thread (warmCompiled), so the server answers meanwhile and
    // the first shopper finds them compiled.
    await app.listen({ port, host });
    if (security.mailboxView)
      console.log(
        `Sign-up mails are not sent: read them at http://${host}:${port}/dev/mailbox (MAILBOX_VIEW)`,
      );
    return { app, store, notifier };
  } catch (error) {
    await notifier?.close();
    await store.db.destroy();
    throw error;
  }
}

function shutdownOn(app: FastifyInstance, store: Store, notifier: StoreNotifier): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing open requests, then closing the database…`);
    // Don't hang forever on a stuck connection.
    setTimeout(() => process.exit(1), 10_000).unref();
    app
      .close()
      .then(() => notifier.close())
      .then(() => store.db.destroy())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Error while shutting down:', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  const { app, store, notifier } = await start();
  shutdownOn(app, store, notifier);
  const address = app.server.address();
  const shownPort = typeof address === 'object' && address ? address.port : port;
  console.log(`\nConfigurator running at http://${host}:${shownPort}  (${store.description})\n`);
} catch (error) {
  // A CatalogError's message already names the file and every JSON path; a stack would only bury it.
  console.error(
    error instanceof CatalogError || error instanceof ConfigError ? `Cannot start: ${error.message}` : error,
  );
  process.exitCode = 1;
}

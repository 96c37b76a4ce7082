/**
 * The route table: `npm run --silent routes` prints one JSON line per route, {"method","url","access"}, as
 * declared in each route's options (src/server/plugins/access.ts). It builds the app on an empty in-memory store,
 * with the built client's files, and listens nowhere.
 */
import { resolve } from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadCatalogRegistry } from '../server/catalogs/registry.ts';
import { createStore } from '../server/store/database.ts';
import { migrateToLatest } from '../server/store/migrate.ts';

const store = createStore({ dialect: 'sqlite', file: ':memory:' });
try {
  await migrateToLatest(store);
  const app = await buildApp({
    db: store.db,
    dialect: store.dialect,
    catalogs: await loadCatalogRegistry(resolve(process.env.CATALOGS_DIR ?? 'configs/catalogs')),
    // Whether or not the client is built: its route is declared all the same.
    staticDir: resolve(process.env.CLIENT_DIR ?? 'dist/client'),
  });
  for (const route of app.declaredRoutes) console.log(JSON.stringify(route));
  await app.close();
} finally {
  await store.db.destroy();
}

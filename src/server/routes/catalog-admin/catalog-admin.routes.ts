import { checkerInThread, draftChecks } from '../../catalogs/draft-checks.ts';
import type { ZodRoutes } from '../route-deps.ts';
import { adminCatalogRoutes } from './catalogs-admin.routes.ts';
import { draftCheckRoutes } from './draft-check.routes.ts';
import { draftRoutes } from './drafts.routes.ts';
import { publishRoutes } from './publish.routes.ts';

/** The catalog editor's API (`/api/catalog-admin/...`, role `catalog`; contract/catalog-admin.schema.ts). */
export const catalogAdminRoutes: ZodRoutes = async (app, deps) => {
  // One checker for checks and publishing: a publish right after a check reuses its result. It compiles as the shop
  // does, so a catalog past the MDD's bound is checked on its d-DNNF.
  const checks = draftChecks(checkerInThread(deps.engine));
  app.addHook('onClose', () => checks.close());
  await app.register(adminCatalogRoutes, deps);
  await app.register(draftRoutes, deps);
  await app.register(draftCheckRoutes(checks), deps);
  await app.register(publishRoutes(checks), deps);
};

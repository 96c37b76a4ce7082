import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { Kysely } from 'kysely';
import type { CatalogRegistry } from '../catalogs/registry.ts';
import type { Database, SqlDialectName } from '../store/database.ts';
import type { ZodTypeProvider } from '../plugins/zod.ts';

/** What route handlers may use; passed as plugin options rather than decorators so each route names its needs. */
export interface RouteDeps {
  db: Kysely<Database>;
  dialect: SqlDialectName;
  catalogs: CatalogRegistry;
}

/** A folder's routes: a Fastify plugin whose schemas are zod (see plugins/zod.ts). */
export type ZodRoutes = FastifyPluginAsync<RouteDeps, RawServerDefault, ZodTypeProvider>;

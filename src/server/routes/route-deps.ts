import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { Kysely } from 'kysely';
import type { TiersConfig } from '../../core/profile/tiers.schema.ts';
import type { ConfigurationOptions } from '../../core/configurator/configurator.ts';
import type { CompiledCatalogs } from '../catalogs/compiled.ts';
import type { LiveCatalogs } from '../catalogs/live-catalogs.ts';
import type { CatalogVersions } from '../catalogs/versions.ts';
import type { StoreNotifier } from '../events/store-notifier.ts';
import type { CookiePolicy } from '../plugins/auth.ts';
import type { Database, SqlDialectName } from '../store/database.ts';
import type { ZodTypeProvider } from '../plugins/zod.ts';

/** What route handlers may use; passed as plugin options rather than decorators so each route names its needs. */
export interface RouteDeps {
  db: Kysely<Database>;
  dialect: SqlDialectName;
  /** Each catalog's live version, chosen with `now()` on every call (issue 18 §4). */
  catalogs: LiveCatalogs;
  /** Any recorded catalog version, for re-validating saved builds against the version they were made with. */
  versions: CatalogVersions;
  /** Catalog versions compiled for the engine, once per version. */
  compiled: CompiledCatalogs;
  /** The engine's options for compiling catalogs (the MDD's bound, ENGINE_MAX_WORK), for the editor's checks. */
  engine: ConfigurationOptions;
  tiers: TiersConfig;
  cookies: CookiePolicy;
  /** The clock; tests set it (birthday months, decay). */
  now: () => Date;
  /** Live store events across server instances (approvals). */
  notifier: StoreNotifier;
  /** Distinct buyers a configuration needs before GET /api/catalogs/:id/sales shows it (issue 19 §5). */
  salesMinBuyers: number;
}

/** A folder's routes: a Fastify plugin whose schemas are zod (see plugins/zod.ts). */
export type ZodRoutes = FastifyPluginAsync<RouteDeps, RawServerDefault, ZodTypeProvider>;

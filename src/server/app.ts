import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { ErrorResponse } from '../contract/errors.schema.ts';
import type { CatalogRegistry } from './catalogs/registry.ts';
import { installErrorHandler } from './plugins/error-handler.ts';
import { zodSerializerCompiler, zodValidatorCompiler } from './plugins/zod.ts';
import { catalogRoutes } from './routes/catalogs/catalogs.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import type { Database, SqlDialectName } from './store/database.ts';

export interface AppDeps {
  /** A migrated store; the app never migrates or closes it (main.ts and tests own its life). */
  db: Kysely<Database>;
  dialect: SqlDialectName;
  catalogs: CatalogRegistry;
  /** Fastify logger options; false (the default) for tests. */
  logger?: FastifyServerOptions['logger'];
  /** The built client (dist/client); when set, non-/api GETs fall back to its index.html (client-side routes). */
  staticDir?: string;
}

/**
 * Builds the HTTP app without listening, so tests drive it with `app.inject`.
 * @returns a ready Fastify instance; the caller listens (main.ts) and closes it.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler);
  installErrorHandler(app);

  const routeDeps: RouteDeps = { db: deps.db, dialect: deps.dialect, catalogs: deps.catalogs };
  await app.register(
    async (api) => {
      await api.register(healthRoutes, routeDeps);
      await api.register(catalogRoutes, routeDeps);
    },
    { prefix: '/api' },
  );

  const { staticDir } = deps;
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // Vite fingerprints assets/, so they can be cached forever; index.html must always be revalidated.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
    if (staticDir && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const body: ErrorResponse = {
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    };
    return reply.code(404).send(body);
  });

  await app.ready();
  return app;
}

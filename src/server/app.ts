import fastifyCookie from '@fastify/cookie';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { ErrorResponse } from '../contract/errors.schema.ts';
import type { TiersConfig } from '../core/profile/tiers.schema.ts';
import type { ConfigurationOptions } from '../core/configurator/configurator.ts';
import { compiledCatalogs, compilerInThread, type CompiledCatalogs } from './catalogs/compiled.ts';
import type { CatalogRegistry } from './catalogs/registry.ts';
import { DEFAULT_MIN_BUYERS } from './catalogs/sales.ts';
import { loadTiersConfig } from './catalogs/tiers.ts';
import { catalogVersions } from './catalogs/versions.ts';
import { createLiveCatalogs } from './catalogs/live-catalogs.ts';
import { createInProcessNotifier } from './events/in-process-notifier.ts';
import type { StoreNotifier } from './events/store-notifier.ts';
import { access, registerWithAccess, requireDeclaredAccess } from './plugins/access.ts';
import { createSessionCache } from './auth/session-cache.ts';
import { DEFAULT_IDLE, installAuth, type IdlePolicy } from './plugins/auth.ts';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './plugins/rate-limits.ts';
import { installIntegrationAuth, type Integration } from './plugins/integration.ts';
import { frameworkErrors, installErrorHandler } from './plugins/error-handler.ts';
import { refuseCrossOriginWrites } from './plugins/same-origin.ts';
import { installSecurityHeaders } from './plugins/security-headers.ts';
import { zodSerializerCompiler, zodValidatorCompiler } from './plugins/zod.ts';
import { approvalRequestRoutes } from './routes/approvals/approval-requests.routes.ts';
import { approvalRoutes } from './routes/approvals/approvals.routes.ts';
import { storeEventRoutes } from './routes/approvals/store-events.routes.ts';
import { authRoutes } from './routes/auth/auth.routes.ts';
import { buildRoutes } from './routes/builds/builds.routes.ts';
import { catalogRoutes } from './routes/catalogs/catalogs.routes.ts';
import { checkoutRoutes } from './routes/checkout/checkout.routes.ts';
import { cspReportRoutes } from './routes/csp-reports/csp-reports.routes.ts';
import { outboxRoutes } from './routes/outbox/outbox.routes.ts';
import { orderStatusRoutes } from './routes/orders/order-status.routes.ts';
import { storeBirthdayRoutes } from './routes/store-birthday/store-birthday.routes.ts';
import { customerRoutes } from './routes/customers/customers.routes.ts';
import { findRoutes } from './routes/find/find.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { interactionRoutes } from './routes/interactions/interactions.routes.ts';
import { nextOfferRoutes } from './routes/store-offers/next-offers.routes.ts';
import { myQuoteRoutes } from './routes/quotes/my-quotes.routes.ts';
import { storeQuoteRoutes } from './routes/quotes/store-quotes.routes.ts';
import { preferenceRoutes } from './routes/preferences/preferences.routes.ts';
import { quotePdfRoutes } from './routes/quote-pdf/quote-pdf.routes.ts';
import { catalogInsightRoutes } from './routes/catalog-admin/insight.routes.ts';
import { recommendationRoutes } from './routes/recommendations/recommendations.routes.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { sessionRoutes } from './routes/sessions/sessions.routes.ts';
import { storeSessionRoutes } from './routes/store-sessions/store-sessions.routes.ts';
import { storeCustomerBuildRoutes } from './routes/store-customer-builds/store-customer-builds.routes.ts';
import { catalogAdminRoutes } from './routes/catalog-admin/catalog-admin.routes.ts';
import type { Database, SqlDialectName } from './store/database.ts';
import { recordLoadedCatalogs } from './store/seed.ts';
import { serverSecret } from './store/sign-in.repository.ts';
import { newCookieSecret } from './auth/tokens.ts';

export interface AppDeps {
  /** A migrated store; the app never migrates or closes it (main.ts and tests own its life). */
  db: Kysely<Database>;
  dialect: SqlDialectName;
  /**
   * The catalog files: a version not recorded yet is recorded, live from now. What the shop serves is then the
   * database's live versions (catalogs/live-catalogs.ts), which the catalog editor publishes and rolls back.
   */
  catalogs: CatalogRegistry;
  /** Fastify logger options; false (the default) for tests. */
  logger?: FastifyServerOptions['logger'];
  /** The built client (dist/client); when set, non-/api GETs fall back to its index.html (client-side routes). */
  staticDir?: string;
  /** Customer value thresholds and treatments; configs/tiers.json when omitted. */
  tiers?: TiersConfig;
  /** COOKIE_SECURE=1: Secure cookies even on plain-http requests (TLS ends at a proxy). */
  cookieSecure?: boolean;
  /**
   * Fastify's trustProxy (TRUST_PROXY): which proxies' X-Forwarded-For/-Proto to believe, so request.ip (rate
   * limits) and request.protocol (Secure cookies) are the client's. Off by default: headers are not believed.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** ALLOWED_ORIGINS: origins besides the server's own whose pages may write (plugins/same-origin.ts). */
  allowedOrigins?: readonly string[];
  /** COOKIE_SECRET: signs guest-id cookies; by default one made once and kept in the database (server_secrets). */
  cookieSecret?: string;
  /** Idle limits of sessions; 7 days for customers, 12 hours for staff by default. */
  idle?: IdlePolicy;
  /** Sign-in failure and guest write limits (plugins/rate-limits.ts). */
  rateLimits?: Partial<RateLimits>;
  /** The clock (tests: birthday months, recency). */
  now?: () => Date;
  /** The engine's options for compiling catalogs (ENGINE_MAX_WORK: past it, a d-DNNF); the defaults by default. */
  engine?: ConfigurationOptions;
  /** Compiled catalogs; by default each compiles on its first request, with `engine`. */
  compiled?: CompiledCatalogs;
  /** Compile every live and scheduled version ahead, in a worker, whenever they change (main.ts; tests don't). */
  warmCompiled?: boolean;
  /**
   * Live store events; main.ts passes PostgreSQL's LISTEN/NOTIFY so several instances share them, and closes it.
   * By default one in this process, closed with the app.
   */
  notifier?: StoreNotifier;
  /** Integrations that may call the API with a bearer token (INTEGRATION_TOKENS); none by default. */
  integrations?: readonly Integration[];
  /** Distinct buyers a configuration needs before the public sales figures show it (SALES_MIN_BUYERS); 5. */
  salesMinBuyers?: number;
  /**
   * MAILBOX_VIEW: show the outbox to anyone at /dev/mailbox (the page) and /api/dev/mailbox, so the local demo's
   * sign-ups can be confirmed without a mail server. Off by default: it hands out every confirmation link.
   */
  mailboxView?: boolean;
  /** Told of every route as it is registered (tests: the fuzz covers each route that takes input). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * Builds the HTTP app without listening, so tests drive it with `app.inject`.
 * @returns a ready Fastify instance; the caller listens (main.ts) and closes it.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    frameworkErrors,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler);
  installErrorHandler(app);
  await installSecurityHeaders(app);
  refuseCrossOriginWrites(app, deps.allowedOrigins ?? []);
  // Every route, the API's and the client's files, declares who may call it (plugins/access.ts).
  requireDeclaredAccess(app);
  const { onRoute } = deps;
  if (onRoute) app.addHook('onRoute', onRoute);

  const now = deps.now ?? (() => new Date());
  const engine = deps.engine ?? {};
  const compiled = deps.compiled ?? compiledCatalogs(compilerInThread(engine));
  app.addHook('onClose', () => compiled.close());
  const notifier = deps.notifier ?? createInProcessNotifier();
  if (!deps.notifier) app.addHook('onClose', () => notifier.close());
  await recordLoadedCatalogs(deps.db, deps.catalogs, now());
  const live = await createLiveCatalogs(deps.db, {
    now,
    ...(deps.warmCompiled ? { onRefresh: (entries) => compiled.warm(entries) } : {}),
    onError: (error) => app.log.error({ err: error }, 'refreshing the live catalogs failed'),
  });
  // Another instance published or rolled back: the notice names the catalog, the database says what is live.
  const unsubscribe = notifier.subscribe((notice) => {
    if (notice.kind === 'catalog.changed')
      live
        .refresh()
        .catch((error: unknown) => app.log.error({ err: error }, 'refreshing the live catalogs failed'));
  });
  app.addHook('onClose', () => {
    unsubscribe();
    live.close();
  });
  await app.register(fastifyCookie);
  // gzip only: the client's JavaScript is about a megabyte before compression, and brotli at its default quality
  // would cost seconds of CPU per first load of a chunk; small replies (most API answers) are sent as they are.
  await app.register(fastifyCompress, { global: true, encodings: ['gzip'], threshold: 1024 });
  const routeDeps: RouteDeps = {
    db: deps.db,
    dialect: deps.dialect,
    catalogs: live,
    versions: catalogVersions(deps.db, live),
    compiled,
    engine,
    tiers: deps.tiers ?? (await loadTiersConfig('configs/tiers.json')),
    cookies: {
      forceSecure: deps.cookieSecure ?? false,
      guestSecret: deps.cookieSecret ?? (await serverSecret(deps.db, 'guest-cookie', newCookieSecret)),
    },
    now,
    notifier,
    salesMinBuyers: deps.salesMinBuyers ?? DEFAULT_MIN_BUYERS,
  };
  const sessions = createSessionCache();
  await app.register(
    async (api) => {
      installAuth(api, {
        db: deps.db,
        now,
        guestSecret: routeDeps.cookies.guestSecret,
        idle: deps.idle ?? DEFAULT_IDLE,
        sessions,
      });
      const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
      const addressFailures = await installRateLimits(api, limits);
      installIntegrationAuth(api, deps.integrations ?? []);
      await api.register(healthRoutes, routeDeps);
      await api.register(catalogRoutes, routeDeps);
      const mailboxView = deps.mailboxView ?? false;
      await api.register(authRoutes, {
        ...routeDeps,
        limits,
        addressFailures,
        sessions,
        mailbox: mailboxView ? '/dev/mailbox' : null,
      });
      await api.register(outboxRoutes, { ...routeDeps, mailboxView });
      await api.register(interactionRoutes, routeDeps);
      await api.register(buildRoutes, routeDeps);
      await api.register(checkoutRoutes, routeDeps);
      await api.register(preferenceRoutes, routeDeps);
      await api.register(recommendationRoutes, routeDeps);
      await api.register(sessionRoutes, routeDeps);
      await api.register(customerRoutes, routeDeps);
      await api.register(nextOfferRoutes, routeDeps);
      await api.register(storeCustomerBuildRoutes, routeDeps);
      await api.register(storeSessionRoutes, routeDeps);
      await api.register(findRoutes, routeDeps);
      await api.register(storeQuoteRoutes, routeDeps);
      await api.register(myQuoteRoutes, routeDeps);
      await api.register(approvalRequestRoutes, routeDeps);
      await api.register(approvalRoutes, routeDeps);
      await api.register(storeEventRoutes, routeDeps);
      await api.register(quotePdfRoutes, routeDeps);
      await api.register(catalogAdminRoutes, routeDeps);
      await api.register(catalogInsightRoutes, routeDeps);
      await api.register(cspReportRoutes, routeDeps);
      await api.register(orderStatusRoutes, routeDeps);
      await api.register(storeBirthdayRoutes, routeDeps);
    },
    { prefix: '/api' },
  );

  const { staticDir } = deps;
  if (staticDir) {
    // The shop's pages and their files are public; the data they show comes from the API, which checks.
    await registerWithAccess(app, access.anyone, fastifyStatic, {
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

import type {
  FastifyInstance,
  FastifyPluginAsync,
  preValidationAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import { forbidden, unauthorized } from '../errors.ts';
import type { UserRole } from '../store/users.table.ts';

/**
 * Who may call a route, declared in its own options (`config: { access }`) so the authorization matrix can be read
 * off the route table (`npm run routes`) and one gate enforces it. This is the role rule only: ownership (a
 * customer's own build or quote, a guest's own session) stays the handler's business, answered as 404 so that
 * someone else's record looks like a missing one.
 * - anyone: no session needed (the shop's catalogs, signing in and out);
 * - guest-or-customer: the shopper's own browser, anonymous (a guest cookie) or signed in as a customer; staff are
 *   refused, they act for customers under /api/store;
 * - signed-in: any session, whatever the role;
 * - roles: a session with one of these roles.
 */
export type Access =
  | { who: 'anyone' }
  | { who: 'guest-or-customer' }
  | { who: 'signed-in' }
  /** `integration`: an integration's bearer token (plugins/integration.ts) is admitted too. */
  | { who: 'roles'; roles: readonly UserRole[]; integration?: boolean };

export const access = {
  anyone: { who: 'anyone' },
  guestOrCustomer: { who: 'guest-or-customer' },
  signedIn: { who: 'signed-in' },
  customer: { who: 'roles', roles: ['customer'] },
  /** Everyone who serves customers in the store: sales staff and their managers. */
  staff: { who: 'roles', roles: ['sales', 'store_manager'] },
  storeManager: { who: 'roles', roles: ['store_manager'] },
  /** Staff in the console, or an integration (payments, the warehouse) with its bearer token: orders' lifecycle. */
  staffOrIntegration: { who: 'roles', roles: ['sales', 'store_manager'], integration: true },
  /** Product managers: the catalog editor. */
  catalog: { who: 'roles', roles: ['catalog'] },
  /** Only an integration's bearer token, no person: the mail relay draining the outbox. */
  integration: { who: 'roles', roles: [], integration: true },
} as const satisfies Record<string, Access>;

/** One line of the route table. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route of the declared scope with its access, in registration order (HEAD twins of GETs left out). */
    declaredRoutes: readonly DeclaredRoute[];
    /** Set by `registerWithAccess`: the access of every route a plugin we do not write adds in this scope. */
    pluginRoutes?: { access: Access };
  }
}

/** @throws 401 `unauthenticated` without a session, 403 `forbidden` for a caller the declaration does not admit. */
function gate(declared: Access): preValidationAsyncHookHandler {
  return async (request) => {
    if (declared.who === 'anyone') return;
    if (declared.who === 'roles' && declared.integration && request.integration) return;
    const auth = request.auth;
    if (declared.who === 'guest-or-customer') {
      if (auth && auth.role !== 'customer')
        throw forbidden(
          `This is the shopper's own; you are signed in as ${auth.role}: staff act for customers under /api/store.`,
        );
      return;
    }
    if (!auth) throw unauthorized();
    if (declared.who === 'roles' && !declared.roles.includes(auth.role))
      throw forbidden(
        `This needs the ${declared.roles.join(' or ')} role; you are signed in as ${auth.role}.`,
      );
  };
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Makes every route registered in `scope` declare its access, and enforces it before the body is validated (a
 * caller without the role learns nothing about the payload). A route without a declaration stops the server from
 * starting: the error names it. The routes are listed in `scope.declaredRoutes`.
 */
export function requireDeclaredAccess(scope: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  scope.decorate('declaredRoutes', table);
  scope.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    const declared = route.config?.access ?? this.pluginRoutes?.access;
    if (!declared)
      throw new Error(
        `${String(route.method)} ${route.url} declares no access: add config: { access } to its options`,
      );
    route.preValidation = [gate(declared), ...asArray(route.preValidation)];
    // Fastify adds a HEAD twin to every GET (and plugins declare both); the GET line stands for both.
    const methods = asArray(route.method);
    const hasGet = methods.includes('GET') || table.some((r) => r.method === 'GET' && r.url === route.url);
    for (const method of methods)
      if (method !== 'HEAD' || !hasGet) table.push({ method, url: route.url, access: declared });
  });
}

/**
 * Registers a plugin whose routes we do not write (they take no `config`) with one declaration for all of them,
 * made here where it can be read: the built client's files, for one.
 */
export async function registerWithAccess<Options extends object>(
  app: FastifyInstance,
  declared: Access,
  plugin: FastifyPluginAsync<Options>,
  options: Options,
): Promise<void> {
  await app.register(async (scope) => {
    scope.decorate('pluginRoutes', { access: declared });
    await scope.register(plugin, options);
  });
}

import type { FastifyInstance, preValidationAsyncHookHandler, RouteOptions } from 'fastify';
import { forbidden, unauthorized } from '../errors.ts';
import type { UserRole } from '../store/users.table.ts';

/**
 * Who may call a route, declared in its own options (`config: { access }`) so the authorization matrix can be read
 * off the route table. Ownership (a customer's own build, the customer a staff member serves) is the handler's
 * business; this is the role gate before it.
 */
export type Access =
  | { who: 'anyone' }
  | { who: 'signed-in' }
  /** `integration`: an integration's bearer token (plugins/integration.ts) is admitted too. */
  | { who: 'roles'; roles: readonly UserRole[]; integration?: boolean };

export const access = {
  anyone: { who: 'anyone' },
  signedIn: { who: 'signed-in' },
  customer: { who: 'roles', roles: ['customer'] },
  /** Everyone who serves customers in the store: sales staff and their managers. */
  staff: { who: 'roles', roles: ['sales', 'store_manager'] },
  storeManager: { who: 'roles', roles: ['store_manager'] },
  /** Staff in the console, or an integration (payments, the warehouse) with its bearer token: orders' lifecycle. */
  staffOrIntegration: { who: 'roles', roles: ['sales', 'store_manager'], integration: true },
  /** Product managers: the catalog editor. */
  catalog: { who: 'roles', roles: ['catalog'] },
} as const satisfies Record<string, Access>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** @throws 401 `unauthenticated` without a session, 403 `forbidden` for a role the declaration does not name. */
function gate(declared: Access): preValidationAsyncHookHandler {
  return async (request) => {
    if (declared.who === 'anyone') return;
    if (declared.who === 'roles' && declared.integration && request.integration) return;
    const auth = request.auth;
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
 * starting: the error names it.
 */
export function requireDeclaredAccess(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route: RouteOptions) => {
    const declared = route.config?.access;
    if (!declared)
      throw new Error(
        `${String(route.method)} ${route.url} declares no access: add config: { access } to its options`,
      );
    route.preValidation = [gate(declared), ...asArray(route.preValidation)];
  });
}

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { UserRole } from '../store/users.table.ts';
import { access, registerWithAccess, requireDeclaredAccess } from './access.ts';

/** A scope with declared access, whose caller's role comes from an `x-role` header instead of a session. */
async function appWith(register: (scope: ReturnType<typeof Fastify>) => void | Promise<void>) {
  const app = Fastify();
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-role'] as UserRole | undefined;
    request.auth = role
      ? { userId: 'u', name: 'U', email: 'u@example.com', role, customerId: null, tokenHash: 'h' }
      : null;
  });
  requireDeclaredAccess(app);
  await app.register(async (scope) => register(scope));
  return app;
}

describe('declared access', () => {
  it('refuses to start with a route that declares none, naming it', async () => {
    const starting = appWith((scope) => scope.get('/open', async () => 'no')).then((app) => app.ready());
    await expect(starting).rejects.toThrow(/GET \/open declares no access/);
  });

  it('lets each declared role through and answers 401 or 403 to others, before the body is validated', async () => {
    const app = await appWith((scope) =>
      scope.post(
        '/approve',
        {
          config: { access: access.storeManager },
          schema: { body: { type: 'object', required: ['x'] } },
        },
        async () => 'done',
      ),
    );
    const post = (role?: UserRole) =>
      app.inject({ method: 'POST', url: '/approve', headers: role ? { 'x-role': role } : {}, payload: {} });
    expect((await post()).statusCode).toBe(401);
    expect((await post('sales')).statusCode).toBe(403);
    expect((await post('customer')).statusCode).toBe(403);
    // The manager gets as far as validation (the body lacks x).
    expect((await post('store_manager')).statusCode).toBe(400);
  });

  it("admits the shopper's own browser to guest-or-customer routes: no session or a customer's, never staff", async () => {
    const app = await appWith((scope) =>
      scope.get('/mine', { config: { access: access.guestOrCustomer } }, async () => 'yours'),
    );
    const get = (role?: UserRole) =>
      app.inject({ method: 'GET', url: '/mine', headers: role ? { 'x-role': role } : {} });
    expect((await get()).statusCode).toBe(200);
    expect((await get('customer')).statusCode).toBe(200);
    for (const role of ['sales', 'store_manager', 'catalog'] as const)
      expect((await get(role)).statusCode).toBe(403);
  });

  it("lists every route with its access, GETs without their HEAD twins, a plugin's routes under one declaration", async () => {
    const app = await appWith(async (scope) => {
      scope.get('/page', { config: { access: access.anyone } }, async () => 'page');
      scope.post('/approve', { config: { access: access.storeManager } }, async () => 'done');
      await registerWithAccess(
        scope,
        access.catalog,
        async (plugin) => {
          plugin.route({ method: ['HEAD', 'GET'], url: '/files/*', handler: async () => 'file' });
        },
        {},
      );
    });
    await app.ready();
    expect(app.declaredRoutes).toEqual([
      { method: 'GET', url: '/page', access: access.anyone },
      { method: 'POST', url: '/approve', access: access.storeManager },
      { method: 'GET', url: '/files/*', access: access.catalog },
    ]);
    // The plugin's route is gated like any other.
    expect((await app.inject({ method: 'GET', url: '/files/a' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/files/a', headers: { 'x-role': 'catalog' } })).statusCode,
    ).toBe(200);
  });
});

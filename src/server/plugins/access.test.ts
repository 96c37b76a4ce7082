import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { UserRole } from '../store/users.table.ts';
import { access, requireDeclaredAccess } from './access.ts';

/** A scope with declared access, whose caller's role comes from an `x-role` header instead of a session. */
async function appWith(register: (scope: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-role'] as UserRole | undefined;
    request.auth = role
      ? { userId: 'u', name: 'U', email: 'u@example.com', role, customerId: null, tokenHash: 'h' }
      : null;
  });
  await app.register(async (scope) => {
    requireDeclaredAccess(scope);
    register(scope);
  });
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
});

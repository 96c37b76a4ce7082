import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/contract/store-quotes.schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { loadCatalogRegistry } from '../../src/server/catalogs/registry.ts';
import { createPgNotifier } from '../../src/server/events/pg-notifier.ts';
import type { StoreNotice, StoreNotifier } from '../../src/server/events/store-notifier.ts';
import { createStore, type Store } from '../../src/server/store/database.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';
import { recordLoadedCatalogs } from '../../src/server/store/seed.ts';
import { insertUser } from '../../src/server/store/users.repository.ts';
import { testDatabases } from './databases.ts';
import { budgetPc, cookiesFrom, signUp } from './harness.ts';
import { openEventStream, type EventStream } from './store-events-client.ts';

const url = process.env.DATABASE_URL;
const postgres = testDatabases.find((d) => d.dialect === 'postgres');

/** Everything a test opened, closed in reverse order whatever happened. */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Resolves with the first notice a notifier's listener receives. */
const firstNotice = (notifier: StoreNotifier) =>
  new Promise<StoreNotice>((resolve) => {
    const off = notifier.subscribe((notice) => {
      off();
      resolve(notice);
    });
  });

describe.skipIf(!url || !postgres)(
  url
    ? 'store events across instances on one PostgreSQL database'
    : 'pg notifier — skipped, DATABASE_URL unset',
  () => {
    const connectionString = url ?? '';

    it('delivers a notice to every instance listening on the channel, and ignores malformed ones', async () => {
      const channel = `store_events_test_${process.pid}`;
      const errors: unknown[] = [];
      const a = await createPgNotifier({ connectionString, channel, onError: (e) => errors.push(e) });
      cleanups.push(() => a.close());
      const b = await createPgNotifier({ connectionString, channel, onError: (e) => errors.push(e) });
      cleanups.push(() => b.close());

      const onB = firstNotice(b);
      const onA = firstNotice(a);
      await a.publish({ kind: 'approval.requested', requestId: 'r-1' });
      expect(await onB).toEqual({ kind: 'approval.requested', requestId: 'r-1' });
      expect(await onA).toEqual({ kind: 'approval.requested', requestId: 'r-1' });

      const raw = new pg.Client({ connectionString });
      await raw.connect();
      cleanups.push(() => raw.end());
      const next = [firstNotice(a), firstNotice(b)];
      await raw.query('select pg_notify($1, $2)', [channel, '{"kind":"something.else"}']);
      await b.publish({ kind: 'approval.decided', requestId: 'r-2' });
      // The malformed notice reached no listener: the next one each saw is the well-formed one after it (and each
      // instance has then read the malformed one before it, in channel order).
      for (const notice of await Promise.all(next))
        expect(notice).toEqual({ kind: 'approval.decided', requestId: 'r-2' });
      expect(errors).toHaveLength(2); // once per instance
    });

    it('listens again after its connection was lost', async () => {
      const channel = `store_events_reconnect_${process.pid}`;
      const errors: unknown[] = [];
      const listening = await createPgNotifier({
        connectionString,
        channel,
        reconnectMs: 20,
        onError: (e) => errors.push(e),
      });
      cleanups.push(() => listening.close());
      const publisher = await createPgNotifier({ connectionString, channel, onError: () => undefined });
      cleanups.push(() => publisher.close());
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      cleanups.push(() => admin.end());

      const killed = await admin.query(
        'select pg_terminate_backend(pid) as done from pg_stat_activity where query = $1 and pid <> pg_backend_pid()',
        [`LISTEN "${channel}"`],
      );
      // Both notifiers listen on the channel; the listening one is the first (its LISTEN ran first), but killing
      // both is as good a test: each must come back.
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);
      const heard: StoreNotice[] = [];
      listening.subscribe((notice) => heard.push(notice));
      // Publish until the notice is heard: the connection comes back after a few reconnect attempts.
      for (let attempt = 0; heard.length === 0; attempt++) {
        if (attempt > 200) throw new Error(`never heard again; errors: ${errors.map(String).join('; ')}`);
        await publisher
          .publish({ kind: 'approval.decided', requestId: `r-${attempt}` })
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(errors.length).toBeGreaterThanOrEqual(1);
    });

    it('a request made through instance A reaches a manager streaming from instance B, the decision back on A', async () => {
      if (!postgres) throw new Error('unreachable');
      // One database (one schema), two instances, each with its own pool and its own LISTEN connection.
      const opened = await postgres.open();
      cleanups.push(() => opened.close());
      await migrateToLatest(opened.store);
      const catalogs = await loadCatalogRegistry('configs/catalogs');
      await recordLoadedCatalogs(opened.store.db, catalogs);
      const second: Store = createStore({
        dialect: 'postgres',
        connectionString,
        ...(opened.store.schema ? { searchPath: opened.store.schema } : {}),
      });
      cleanups.push(() => second.db.destroy());

      const instance = async (store: Store): Promise<{ app: FastifyInstance; address: string }> => {
        const notifier = await createPgNotifier({ connectionString });
        cleanups.push(() => notifier.close());
        const app = await buildApp({
          db: store.db,
          dialect: 'postgres',
          catalogs,
          notifier,
          mailboxView: true,
        });
        cleanups.push(() => app.close());
        return { app, address: await app.listen({ port: 0, host: '127.0.0.1' }) };
      };
      const a = await instance(opened.store);
      const b = await instance(second);

      const signIn = async (role: 'sales' | 'store_manager', name: string) => {
        const email = `${role}@example.com`;
        await insertUser(opened.store.db, {
          email,
          name,
          role,
          password_hash: await hashPassword('staffpass1'),
        });
        const res = await a.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email, password: 'staffpass1' },
        });
        return cookiesFrom(res);
      };
      const customer = await signUp(a.app, { email: 'anna@example.com' });
      const saved = await a.app.inject({
        method: 'POST',
        url: '/api/builds',
        headers: { cookie: customer.jar },
        payload: { name: 'Budget', catalogId: 'pc', selections: budgetPc },
      });
      const sales = await signIn('sales', 'Sam Berger');
      const manager = await signIn('store_manager', 'Mia Novak');

      const streams: EventStream[] = [];
      cleanups.push(() => streams.forEach((s) => s.close()));
      const managerOnB = await openEventStream(b.address, manager);
      const salesOnA = await openEventStream(a.address, sales);
      streams.push(managerOnB, salesOnA);

      const asked = await a.app.inject({
        method: 'POST',
        url: `/api/store/customers/${customer.me.customer.id}/approval-requests`,
        headers: { cookie: sales },
        payload: { buildId: saved.json<{ id: string }>().id, discountPercent: 8 },
      });
      expect(asked.statusCode).toBe(201);
      const requestId = asked.json<ApprovalRequest>().id;
      expect(await managerOnB.next()).toMatchObject({
        kind: 'approval.requested',
        request: { id: requestId, requestedBy: { name: 'Sam Berger' }, customer: { name: 'Test Customer' } },
      });

      const decided = await b.app.inject({
        method: 'POST',
        url: `/api/store/approvals/${requestId}/decision`,
        headers: { cookie: manager },
        payload: { decision: 'approve' },
      });
      expect(decided.statusCode).toBe(200);
      expect(await salesOnA.next()).toMatchObject({
        kind: 'approval.decided',
        request: { id: requestId, status: 'approved', decidedBy: { name: 'Mia Novak' } },
      });
    });
  },
);

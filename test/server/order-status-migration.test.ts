import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as addOrderStatus from '../../src/server/migrations/2026_12_06_1200_add_order_status.ts';
import * as addBirthdayProvenance from '../../src/server/migrations/2026_12_06_1201_add_customer_birthday_provenance.ts';
import { insertCustomer } from '../../src/server/store/customers.repository.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';
import { testDatabases, type OpenStore } from './databases.ts';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(testDatabases)(
  'orders and birthdays that predate the lifecycle on $label',
  ({ skip, open }) => {
    const test = it.skipIf(skip !== undefined);
    let opened: OpenStore | undefined;
    const store = () => {
      if (!opened) throw new Error('store not open');
      return opened.store;
    };
    beforeEach(async () => {
      if (skip) return;
      opened = await open();
      await migrateToLatest(store());
    });
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    test('existing orders become delivered (older than two weeks) or paid, so no tier changes under anyone', async () => {
      const { db, dialect } = store();
      // Migrations take an untyped db: they must not depend on today's Database type.
      const untyped = db as unknown as Kysely<unknown>;
      await addBirthdayProvenance.down(untyped);
      await addOrderStatus.down(untyped);
      const customer = await insertCustomer(db, {
        customer_number: 'C-000001',
        user_id: null,
        email: 'old@example.com',
        phone: '',
        name: 'Old Customer',
        birthday: '1980-05-05',
        created_at: ago(900),
      });
      for (const [id, days] of [
        ['old-order', 400],
        ['recent-order', 3],
      ] as const)
        await sql`insert into orders (id, customer_id, build_id, channel, catalog_id, catalog_version, selections,
        lines, currency, total_cents, cost_cents, created_at)
        values (${id}, ${customer.id}, null, 'web', 'pc', '2026.11.0', '{}', '[]', 'EUR', 1000, 500, ${ago(days)})`.execute(
          db,
        );

      await addOrderStatus.up(untyped, dialect);
      await addBirthdayProvenance.up(untyped, dialect);
      const orders = await db
        .selectFrom('orders')
        .select(['id', 'status', 'status_at', 'created_at'])
        .orderBy('id')
        .execute();
      expect(orders.map((o) => [o.id, o.status])).toEqual([
        ['old-order', 'delivered'],
        ['recent-order', 'paid'],
      ]);
      for (const o of orders) expect(o.status_at).toBe(o.created_at);
      // A birthday already on record counts as given when the record was made.
      const after = await db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
      expect(after.birthday_set_at).toBe(after.created_at);
      expect(after.birthday_confirmed_at).toBeNull();
    });
  },
);

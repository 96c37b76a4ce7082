import type { Kysely } from 'kysely';
import type { OrderStatus } from '../../core/orders/status.ts';
import type { Database } from './database.ts';
import { newId } from './ids.ts';
import type { OrderStatusChangeRow, OrderStatusChangesTable } from './orders.table.ts';

export async function findOrderStatus(
  db: Kysely<Database>,
  orderId: string,
): Promise<{ id: string; customerId: string; status: OrderStatus } | undefined> {
  const row = await db
    .selectFrom('orders')
    .select(['id', 'customer_id', 'status'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  return row && { id: row.id, customerId: row.customer_id, status: row.status };
}

export type StatusChange = Omit<OrderStatusChangesTable, 'id' | 'seq'>;

/**
 * Moves the order from `change.from_status` to `change.to_status` and records the change, only if the order is still
 * in `from_status` (a conditional UPDATE: of two concurrent moves from one status exactly one wins).
 * @returns false when the order was no longer in `from_status`; nothing written then.
 */
export async function moveOrderStatus(db: Kysely<Database>, change: StatusChange): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('orders')
      .set({ status: change.to_status, status_at: change.created_at })
      .where('id', '=', change.order_id)
      .where('status', '=', change.from_status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    const { n } = await trx
      .selectFrom('order_status_changes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('order_id', '=', change.order_id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('order_status_changes')
      .values({ id: newId(), seq: Number(n) + 1, ...change })
      .execute();
    return true;
  });
}

/** An order's status changes, oldest first, with the staff member's name where a person made them. */
export async function listStatusChanges(
  db: Kysely<Database>,
  orderId: string,
): Promise<(OrderStatusChangeRow & { actor_name: string | null })[]> {
  return db
    .selectFrom('order_status_changes')
    .leftJoin('users', 'users.id', 'order_status_changes.actor_user_id')
    .selectAll('order_status_changes')
    .select('users.name as actor_name')
    .where('order_id', '=', orderId)
    .orderBy('seq')
    .execute();
}

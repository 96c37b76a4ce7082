import { sql, type Kysely } from 'kysely';

/**
 * One pending request per salesperson, customer, build and discount: a double click (or a retried request) must
 * not put the same question twice in the managers' queue. Duplicates already stored are closed as refused with
 * a reason, the first one asked stays pending.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update approval_requests
    set status = 'refused', decided_at = created_at, reason = 'duplicate of an earlier request'
    where status = 'pending' and exists (
      select 1 from approval_requests earlier
      where earlier.status = 'pending'
        and earlier.customer_id = approval_requests.customer_id
        and earlier.build_id = approval_requests.build_id
        and earlier.discount_bp = approval_requests.discount_bp
        and earlier.requested_by_user_id = approval_requests.requested_by_user_id
        and (earlier.created_at < approval_requests.created_at
          or (earlier.created_at = approval_requests.created_at and earlier.id < approval_requests.id))
    )`.execute(db);
  await db.schema
    .createIndex('approval_requests_pending_once')
    .on('approval_requests')
    .columns(['customer_id', 'build_id', 'discount_bp', 'requested_by_user_id'])
    .unique()
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('approval_requests_pending_once').execute();
}

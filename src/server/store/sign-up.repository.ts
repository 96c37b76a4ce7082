import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { newId } from './ids.ts';
import type { OutboxMailRow, SignUpRequestRow, SignUpRequestsTable } from './sign-up.table.ts';

export async function insertSignUpRequest(db: Kysely<Database>, request: SignUpRequestsTable): Promise<void> {
  await db.insertInto('sign_up_requests').values(request).execute();
  // Unopened links of anyone go once expired, so the table holds only live ones.
  await db.deleteFrom('sign_up_requests').where('expires_at', '<=', request.created_at).execute();
}

/**
 * The live sign-up of `tokenHash`, removed with every other of its address (one account per address, and a link
 * works once). @returns undefined for an unknown, used or expired link.
 */
export async function takeSignUpRequest(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<SignUpRequestRow | undefined> {
  const row = await db
    .selectFrom('sign_up_requests')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('sign_up_requests').where('email', '=', row.email).execute();
  return Date.parse(row.expires_at) > now.getTime() ? row : undefined;
}

export async function enqueueMail(
  db: Kysely<Database>,
  mail: { to: string; subject: string; body: string; link: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('outbox_mails')
    .values({
      id: newId(),
      to_email: mail.to,
      subject: mail.subject,
      body: mail.body,
      link: mail.link,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

/** The oldest mails not sent yet, for the relay. */
export async function unsentMails(db: Kysely<Database>, limit: number): Promise<OutboxMailRow[]> {
  return db
    .selectFrom('outbox_mails')
    .selectAll()
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** @returns whether the mail exists (marking one sent twice is harmless: the relay may retry). */
export async function markMailSent(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('outbox_mails').select('sent_at').where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  if (row.sent_at === null)
    await db.updateTable('outbox_mails').set({ sent_at: now.toISOString() }).where('id', '=', id).execute();
  return true;
}

/** The newest mails, sent or not, for the demo mailbox; to one address when given. */
export async function recentMails(
  db: Kysely<Database>,
  limit: number,
  to?: string,
): Promise<OutboxMailRow[]> {
  let query = db.selectFrom('outbox_mails').selectAll();
  if (to) query = query.where('to_email', '=', to.toLowerCase());
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

import type { Kysely } from 'kysely';
import { columnTypes } from '../store/column-types.ts';
import type { SqlDialectName } from '../store/database.ts';

/**
 * Sign-up confirmed by an e-mailed link (issue 19 §2: sign-up must not tell who has an account). A sign-up waits in
 * `sign_up_requests` until its link is opened; every answer to the form is the same "check your e-mail", and what
 * differs (a link, or "you already have an account") goes to the address's owner through `outbox_mails`. The
 * outbox is drained by a mail relay (an integration) or read in the demo's mailbox page.
 */
export async function up(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const { timestamp, date } = columnTypes(dialect);
  await db.schema
    .createTable('sign_up_requests')
    // SHA-256 of the link's token, as for sessions: a leaked table confirms nobody.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('birthday', date)
    .addColumn('claim_code', 'text')
    .addColumn('guest_id', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_up_requests_email_idx').on('sign_up_requests').column('email').execute();
  await db.schema
    .createTable('outbox_mails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('sent_at', timestamp)
    .execute();
  await db.schema.createIndex('outbox_mails_created_idx').on('outbox_mails').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_mails').execute();
  await db.schema.dropTable('sign_up_requests').execute();
}

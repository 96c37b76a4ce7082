import type { Selectable } from 'kysely';

/** A sign-up waiting for its e-mailed link to be opened (see the 2026_12_06_2300 migration). */
export interface SignUpRequestsTable {
  token_hash: string;
  email: string;
  name: string;
  password_hash: string;
  phone: string;
  birthday: string | null;
  claim_code: string | null;
  /** The browser's guest id at sign-up: its builds join the account when the link is opened, in any browser. */
  guest_id: string | null;
  created_at: string;
  expires_at: string;
}
export type SignUpRequestRow = Selectable<SignUpRequestsTable>;

/** A mail to send; a relay marks it sent. */
export interface OutboxMailsTable {
  id: string;
  to_email: string;
  subject: string;
  body: string;
  /** The one link the mail is about, so the demo mailbox can make it clickable. */
  link: string;
  created_at: string;
  sent_at: string | null;
}
export type OutboxMailRow = Selectable<OutboxMailsTable>;

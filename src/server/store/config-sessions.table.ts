import type { Generated, Insertable, Selectable } from 'kysely';

/** One live configuration session per owner and catalog, replaced on every save. */
export interface ConfigSessionsTable {
  /** `c:<customerId>` or `g:<guestId>` (see the migration for why). */
  owner_key: string;
  customer_id: string | null;
  guest_id: string | null;
  catalog_id: string;
  catalog_version: string;
  /** SESSION_FORMAT of the envelope it came in. */
  format: number;
  /** JSON of PersistedSession['snapshot'] (src/contract/session.schema.ts). */
  snapshot: string;
  updated_at: string;
  /** Bumped by every save; a save names the revision it started from (see the migration). */
  revision: Generated<number>;
  /** The staff member who saved it last from the console; null when the owner did. */
  updated_by_user_id: string | null;
}
export type ConfigSessionRow = Selectable<ConfigSessionsTable>;
export type NewConfigSession = Insertable<ConfigSessionsTable>;

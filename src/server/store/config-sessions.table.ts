import type { Insertable, Selectable } from 'kysely';

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
}
export type ConfigSessionRow = Selectable<ConfigSessionsTable>;
export type NewConfigSession = Insertable<ConfigSessionsTable>;

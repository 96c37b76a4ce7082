import type { Insertable, Selectable, Updateable } from 'kysely';

/** A saved configuration, of a customer or of an anonymous guest (cookie id), against one catalog version. */
export interface BuildsTable {
  id: string;
  customer_id: string | null;
  guest_id: string | null;
  catalog_id: string;
  catalog_version: string;
  name: string;
  /** JSON of BuildSelections (src/contract/builds.schema.ts). */
  selections: string;
  /** Price when last saved, recomputed by the server; integer cents avoid float rounding. */
  price_cents: number;
  created_at: string;
  updated_at: string;
}
export type BuildRow = Selectable<BuildsTable>;
export type NewBuild = Insertable<BuildsTable>;
export type BuildUpdate = Updateable<BuildsTable>;

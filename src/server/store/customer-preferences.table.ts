import type { Insertable, Selectable } from 'kysely';

export interface CustomerPreferencesTable {
  customer_id: string;
  /** JSON of PreferenceProfile (src/core/profile/preferences.ts). */
  profile: string;
  updated_at: string;
}
export type CustomerPreferencesRow = Selectable<CustomerPreferencesTable>;
export type NewCustomerPreferences = Insertable<CustomerPreferencesTable>;

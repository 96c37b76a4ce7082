import type { Insertable, Selectable } from 'kysely';

export const userRoles = ['customer', 'sales', 'store_manager', 'catalog'] as const;
export type UserRole = (typeof userRoles)[number];

/** People who log in: customers, sales staff, store managers (sales staff who approve discounts) and catalog managers. */
export interface UsersTable {
  id: string;
  /** Stored lower-case; unique. */
  email: string;
  name: string;
  role: UserRole;
  /** `scrypt$N$r$p$salt$hash`; null for accounts that cannot log in with a password (yet). */
  password_hash: string | null;
  created_at: string;
}
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

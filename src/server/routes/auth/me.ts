import type { Kysely } from 'kysely';
import type { MeResponse } from '../../../contract/auth.schema.ts';
import { hasBirthdayDiscount } from '../../../core/profile/discounts.ts';
import type { TiersConfig } from '../../../core/profile/tiers.schema.ts';
import { customerSummary } from '../../customers/present.ts';
import { birthdayOf, standingOf } from '../../customers/value.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { findCustomerById } from '../../store/customers.repository.ts';
import type { Database } from '../../store/database.ts';

/**
 * The signed-in user. A customer sees the offers their tier gives them, by their labels, but never the tier
 * itself ("below zero" is a staff word); staff have no customer record here.
 */
export async function meOf(
  db: Kysely<Database>,
  auth: Pick<AuthContext, 'userId' | 'email' | 'name' | 'role' | 'customerId'>,
  tiers: TiersConfig,
  now: Date,
): Promise<MeResponse> {
  const user = { id: auth.userId, email: auth.email, name: auth.name, role: auth.role };
  const customer = auth.customerId ? await findCustomerById(db, auth.customerId) : undefined;
  if (!customer) return { user, customer: null, offers: [], birthdayMonth: false };
  const standing = await standingOf(db, customer, tiers, now);
  // The discount's month: a birthday given this month (not confirmed in the store) gives none until next year.
  const birthdayMonth = hasBirthdayDiscount(birthdayOf(customer), now.toISOString());
  const offers = standing.tier.treatment.offers.map((o) => ({
    id: o.id,
    label: o.label,
    percent: o.percent,
  }));
  if (birthdayMonth)
    offers.push({ id: 'birthday', label: tiers.birthday.label, percent: tiers.birthday.percent });
  return { user, customer: customerSummary(customer), offers, birthdayMonth };
}

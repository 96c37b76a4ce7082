import type { Kysely } from 'kysely';
import type { CatalogIndex } from '../../core/catalog/build.ts';
import { isSale } from '../../core/orders/status.ts';
import { priceBuild } from '../../core/pricing/price.ts';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import {
  applyCustomerDiscounts,
  hasBirthdayDiscount,
  type BirthdayRecord,
  type QuotedPrice,
} from '../../core/profile/discounts.ts';
import type { TiersConfig } from '../../core/profile/tiers.schema.ts';
import {
  classify,
  customerValue,
  type Classification,
  type CustomerValue,
} from '../../core/profile/value.ts';
import { listOrdersOfCustomer } from '../store/checkouts.repository.ts';
import type { CustomerRow } from '../store/customers.table.ts';
import type { Database } from '../store/database.ts';
import { countContacts } from '../store/interactions.repository.ts';

export interface Standing {
  value: CustomerValue;
  tier: Classification;
}

/**
 * The customer's value and tier now, from their sales (paid or delivered orders: an unpaid order must not lift anyone
 * into a tier and its offers) and staff contacts.
 */
export async function standingOf(
  db: Kysely<Database>,
  customer: CustomerRow,
  tiers: TiersConfig,
  now: Date,
): Promise<Standing> {
  const [orders, contacts] = await Promise.all([
    listOrdersOfCustomer(db, customer.id),
    countContacts(db, customer.id),
  ]);
  const value = customerValue(
    {
      orders: orders
        .filter((o) => isSale(o.status))
        .map((o) => ({ at: o.createdAt, revenueCents: o.totalCents, costCents: o.costCents })),
      contacts,
      estimatedAnnualSpendCents: customer.estimated_annual_spend_cents,
      now: now.toISOString(),
    },
    tiers,
  );
  return { value, tier: classify(value, tiers) };
}

export const birthdayOf = (customer: CustomerRow): BirthdayRecord => ({
  birthday: customer.birthday,
  setAt: customer.birthday_set_at,
  confirmedAt: customer.birthday_confirmed_at,
});

/** The customer's price for a build: catalog price, then their tier's offers and a birthday-month discount (when it counts). */
export function customerPrice(
  index: CatalogIndex,
  selections: BuildSelections,
  customer: CustomerRow,
  standing: Standing,
  tiers: TiersConfig,
  now: Date,
): QuotedPrice {
  return applyCustomerDiscounts(
    priceBuild(index, selections),
    standing.tier.treatment,
    hasBirthdayDiscount(birthdayOf(customer), now.toISOString()),
    tiers,
  );
}

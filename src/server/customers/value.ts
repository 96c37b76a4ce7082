import type { Kysely } from 'kysely';
import type { CatalogIndex } from '../../core/catalog/build.ts';
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
import { listSalesOfCustomers } from '../store/checkouts.repository.ts';
import type { CustomerRow } from '../store/customers.table.ts';
import type { Database } from '../store/database.ts';
import { countContactsOfCustomers } from '../store/interactions.repository.ts';

export interface Standing {
  value: CustomerValue;
  tier: Classification;
}

/**
 * The customers' values and tiers now, from their sales (paid or delivered orders: an unpaid order must not lift anyone
 * into a tier and its offers) and staff contacts. Two queries however many customers, so a list of hits costs what
 * one customer does.
 */
export async function standingsOf(
  db: Kysely<Database>,
  customers: readonly CustomerRow[],
  tiers: TiersConfig,
  now: Date,
): Promise<Map<string, Standing>> {
  const ids = customers.map((c) => c.id);
  const [sales, contacts] = await Promise.all([
    listSalesOfCustomers(db, ids),
    countContactsOfCustomers(db, ids),
  ]);
  return new Map(
    customers.map((customer) => {
      const value = customerValue(
        {
          orders: sales.get(customer.id) ?? [],
          contacts: contacts.get(customer.id) ?? { web: 0, store: 0, phone: 0 },
          estimatedAnnualSpendCents: customer.estimated_annual_spend_cents,
          now: now.toISOString(),
        },
        tiers,
      );
      return [customer.id, { value, tier: classify(value, tiers) }];
    }),
  );
}

/** One customer's value and tier now (`standingsOf`). */
export async function standingOf(
  db: Kysely<Database>,
  customer: CustomerRow,
  tiers: TiersConfig,
  now: Date,
): Promise<Standing> {
  const standing = (await standingsOf(db, [customer], tiers, now)).get(customer.id);
  if (!standing) throw new Error('standingsOf left out a customer');
  return standing;
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
